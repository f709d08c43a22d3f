/**
 * The child side of `ServerProcess`: runs local-ably in a process of its own and answers the parent's requests over
 * IPC. Started only by `ServerProcess.start`; its one argument is the JSON of `ServerProcessOptions`.
 */
import { startLocalAbly } from '@presence-kit/local-ably';
import { dataText } from '../observer-view.js';
import type {
  ServerCommand,
  ServerCommands,
  ServerMemory,
  ServerProcessOptions,
  ServerReplyMessage,
  ServerRequestMessage,
  ServerTruth,
} from './server-commands.js';

const { logWarnings, ...options } = JSON.parse(process.argv[2] ?? '{}') as ServerProcessOptions;
const server = await startLocalAbly({
  ...options,
  ...(logWarnings ? { logger: { info() {}, warn: (line: string) => console.error(line) } } : {}),
});
const gc = (globalThis as { gc?: () => void }).gc;

type Handlers = { [C in ServerCommand]: (...args: ServerCommands[C]['args']) => ServerCommands[C]['result'] };

const handlers: Handlers = {
  truth: (channel): ServerTruth => {
    const summary = server.inspect.channelList().find((c) => c.name === channel);
    return {
      members: server.inspect.members(channel).members.map((m) => ({
        clientId: m.clientId,
        connectionId: m.connectionId,
        data: dataText(m.data),
      })),
      occupancy: summary?.metrics,
      connections: server.inspect.connectionList().map((c) => ({ id: c.id, clientId: c.clientId, state: c.state })),
    };
  },
  isLive: (connectionId) =>
    server.inspect.connectionList().some((c) => c.id === connectionId && c.state === 'connected'),
  drop: (connectionId, loseState) => void server.faults.drop(connectionId, { loseState }),
  stall: (connectionId) => void server.faults.stall(connectionId),
  restart: (keepState, downMs) => void server.faults.restart({ keepState, downMs }),
  requestReauth: (connectionId) => void server.requestReauth(connectionId),
  memory: (runGc): ServerMemory => {
    if (runGc && gc) {
      // Twice: the first pass can leave objects that only the second finds unreachable (weak maps, finalizers).
      gc();
      gc();
    }
    const usage = process.memoryUsage();
    const cpu = process.cpuUsage();
    return {
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      rss: usage.rss,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
      afterGc: runGc && gc !== undefined,
      stats: server.stats(),
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  },
};

const reply = (message: ServerReplyMessage) => process.send?.(message);

process.on('message', (message: ServerRequestMessage) => {
  try {
    const handler = handlers[message.command] as (...args: unknown[]) => unknown;
    reply({ id: message.id, result: handler(...message.args) });
  } catch (error) {
    reply({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
// The parent went away (closed us, or died): close the server so no socket outlives the run.
process.on('disconnect', () => {
  void server.close().finally(() => process.exit(0));
});
reply({ ready: { port: server.port, url: server.url, key: server.key } });

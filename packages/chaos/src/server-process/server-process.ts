import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  ServerCommand,
  ServerCommands,
  ServerMemory,
  ServerProcessOptions,
  ServerReplyMessage,
  ServerTruth,
} from './server-commands.js';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * local-ably in a child process of its own, driven over IPC. The chaos run and the soak both use it, so the server's
 * event loop is not starved by the clients on the other side (21 SDKs and their proxies, or 2,000 sockets), and its
 * memory is its own to measure. Each request is one IPC round trip; the child computes whole answers (the server's
 * truth for a channel) so a poll costs one round trip, not three.
 *
 * @example
 * const server = await ServerProcess.start({ port: 0, presenceLeaveDelayMs: 200 });
 * const truth = await server.truth(chatChannelName('lobby'));
 * await server.close();
 */
export class ServerProcess {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly url: string,
    readonly key: string,
  ) {
    child.on('message', (message: ServerReplyMessage) => {
      if (!('id' in message)) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if ('error' in message) waiter?.reject(new Error(`local-ably (server process): ${message.error}`));
      else waiter?.resolve(message.result);
    });
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.pending.values()) {
        waiter.reject(new Error(`local-ably server process exited (${signal ?? code}) with a request pending`));
      }
      this.pending.clear();
    });
  }

  /** The child's pid, for process-level measurements (CPU, RSS from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Starts the child (through tsx, with the workspace's source condition, `--expose-gc` so memory samples can follow
   * a full collection) and resolves once local-ably listens.
   */
  static async start(options: ServerProcessOptions, nodeFlags: string[] = []): Promise<ServerProcess> {
    const child = fork(CHILD, [JSON.stringify({ port: 0, ...options })], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx', '--conditions=@presence-kit/source', '--expose-gc', ...nodeFlags],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<{ port: number; url: string; key: string }>((resolve, reject) => {
      const onMessage = (message: ServerReplyMessage) => {
        if ('ready' in message) {
          child.off('exit', onExit);
          child.off('message', onMessage);
          resolve(message.ready);
        }
      };
      const onExit = (code: number | null) => reject(new Error(`local-ably server process exited early (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
    return new ServerProcess(child, ready.port, ready.url, ready.key);
  }

  truth(channel: string): Promise<ServerTruth> {
    return this.request('truth', channel);
  }

  /** Whether the server holds this connection with a live transport (a fault has something to act on). */
  isLive(connectionId: string): Promise<boolean> {
    return this.request('isLive', connectionId);
  }

  drop(connectionId: string, options: { loseState?: boolean } = {}): Promise<undefined> {
    return this.request('drop', connectionId, options.loseState ?? false);
  }

  stall(connectionId: string): Promise<undefined> {
    return this.request('stall', connectionId);
  }

  restart(options: { keepState: boolean; downMs: number }): Promise<undefined> {
    return this.request('restart', options.keepState, options.downMs);
  }

  requestReauth(connectionId: string): Promise<undefined> {
    return this.request('requestReauth', connectionId);
  }

  /** The server process's memory; with `gc`, after two full collections (so growth means retained objects). */
  memory(gc = false): Promise<ServerMemory> {
    return this.request('memory', gc);
  }

  /** Closes the server (the child closes it when the IPC channel goes) and waits for the process to exit. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const kill = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    this.child.disconnect();
    await exited;
    clearTimeout(kill);
  }

  private request<C extends ServerCommand>(
    command: C,
    ...args: ServerCommands[C]['args']
  ): Promise<ServerCommands[C]['result']> {
    if (this.exited) return Promise.reject(new Error('local-ably server process is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, command, args });
    });
  }
}

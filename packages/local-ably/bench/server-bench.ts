/**
 * local-ably server benchmark (`pnpm bench:server`). Prints numbers; it is not a test.
 *
 * The server runs in its own child process (this file again, with BENCH_ROLE=server), so its heap and CPU are not
 * mixed with the 500 SDK clients on the other side. Measures:
 * 1. time for a fresh `ably` client to receive the full SYNC of 1,000 and 10,000 members;
 * 2. presence deliveries per second with 500 subscribers in one room (real SDK clients, then bare sockets);
 * 3. server memory per idle attached connection, and per presence member.
 * Results go to docs/bench/server.json and the "## local-ably server" section of docs/benchmarks.md.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as Ably from 'ably';
import WebSocket from 'ws';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const KEY = 'bench.key:bench-secret';

interface MemoryReport {
  heapUsed: number;
  rss: number;
}

type ServerRequest = { id: number; command: 'memory' | 'stats' };

// ---------------------------------------------------------------------------------------------------------------
// Server role: start local-ably and answer memory/stats requests over IPC.

async function serve(): Promise<void> {
  const { startLocalAbly } = await import('../src/index.js');
  const server = await startLocalAbly({ port: 0, keys: [KEY], occupancyDebounceMs: 100 });
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (request: ServerRequest) => {
    if (request.command === 'memory') {
      gc?.();
      gc?.();
      const usage = process.memoryUsage();
      process.send?.({ id: request.id, result: { heapUsed: usage.heapUsed, rss: usage.rss } });
    } else {
      process.send?.({ id: request.id, result: server.stats() });
    }
  });
  process.on('disconnect', () => {
    server.close().then(() => process.exit(0));
  });
  process.send?.({ ready: server.port });
}

class ServerProcess {
  private nextId = 0;
  private readonly pending = new Map<number, (value: unknown) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.on('message', (message: { id?: number; result?: unknown }) => {
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
    });
  }

  static async start(): Promise<ServerProcess> {
    const child = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, BENCH_ROLE: 'server' },
      execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { ready?: number }) => resolve(message.ready ?? 0));
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    return new ServerProcess(child, port);
  }

  request<T>(command: ServerRequest['command']): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (value: unknown) => void);
      this.child.send({ id, command });
    });
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Bare protocol sockets: cheap members and subscribers, so the numbers measure the server, not client libraries.

class Wire {
  frames = 0;
  private readonly waiters: Array<{ match: (frame: Record<string, unknown>) => boolean; resolve: () => void }> = [];

  private constructor(
    readonly ws: WebSocket,
    private readonly parse: boolean,
  ) {
    ws.on('message', (data) => {
      this.frames++;
      if (!this.parse && this.waiters.length === 0) return;
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      for (const waiter of [...this.waiters]) {
        if (waiter.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  }

  static async open(port: number, clientId?: string, parse = true): Promise<Wire> {
    const query = new URLSearchParams({ key: KEY, format: 'json', v: '6', heartbeats: 'false' });
    if (clientId) query.set('clientId', clientId);
    const wire = new Wire(new WebSocket(`ws://127.0.0.1:${port}/?${query}`), parse);
    await wire.until((frame) => frame.action === 4);
    return wire;
  }

  until(match: (frame: Record<string, unknown>) => boolean): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  async attach(channel: string): Promise<void> {
    const attached = this.until((frame) => frame.action === 11 && frame.channel === channel);
    this.send({ action: 10, channel });
    await attached;
  }

  close(): void {
    this.ws.terminate();
  }
}

/** Enters `count` members with explicit clientIds from one key connection (the enterClient path), 250 per frame. */
async function populate(port: number, channel: string, count: number): Promise<Wire> {
  const wire = await Wire.open(port);
  await wire.attach(channel);
  const perFrame = 250;
  let msgSerial = 0;
  for (let start = 0; start < count; start += perFrame) {
    const presence = Array.from({ length: Math.min(perFrame, count - start) }, (_, offset) => ({
      action: 2,
      clientId: `member-${start + offset}`,
      data: { name: `Member ${start + offset}`, avatar: 'https://example.com/a.png' },
    }));
    const serial = msgSerial++;
    const acked = wire.until((frame) => frame.action === 1 && frame.msgSerial === serial);
    wire.send({ action: 14, channel, msgSerial: serial, presence });
    await acked;
  }
  return wire;
}

function realtime(port: number, clientId: string, extra: Partial<Ably.ClientOptions> = {}): Ably.Realtime {
  return new Ably.Realtime({ key: KEY, endpoint: '127.0.0.1', port, tls: false, clientId, logLevel: 0, ...extra });
}

async function connected(client: Ably.Realtime): Promise<void> {
  if (client.connection.state !== 'connected') await client.connection.once('connected');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------------------------
// 1. SYNC

interface SyncResult {
  members: number;
  protocol: 'msgpack' | 'json';
  /** attach() → presence.get() resolves with every member, client already connected. Median of runs. */
  attachToFullSetMs: number;
  /** new Realtime() → connected → attached → full set. Median of runs. */
  coldClientMs: number;
  runs: number;
}

async function benchSync(server: ServerProcess, members: number, runs: number): Promise<SyncResult[]> {
  const channel = `sync-${members}`;
  const populator = await populate(server.port, channel, members);
  const results: SyncResult[] = [];
  for (const protocol of ['msgpack', 'json'] as const) {
    const warm: number[] = [];
    const cold: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const client = realtime(server.port, `reader-${run}`, { useBinaryProtocol: protocol === 'msgpack' });
      await connected(client);
      const attachStarted = performance.now();
      const view = client.channels.get(channel);
      await view.attach();
      const set = await view.presence.get();
      const finished = performance.now();
      if (set.length !== members) throw new Error(`SYNC delivered ${set.length} of ${members} members`);
      warm.push(finished - attachStarted);
      cold.push(finished - started);
      client.close();
    }
    results.push({
      members,
      protocol,
      attachToFullSetMs: round(median(warm)),
      coldClientMs: round(median(cold)),
      runs,
    });
  }
  populator.close();
  return results;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Fan-out

interface FanoutResult {
  subscribers: number;
  subscriberKind: 'ably SDK (msgpack)' | 'bare WebSocket (json)';
  updates: number;
  deliveries: number;
  seconds: number;
  deliveriesPerSecond: number;
}

async function benchFanoutSdk(server: ServerProcess, subscribers: number, updates: number): Promise<FanoutResult> {
  const channel = 'fanout-sdk';
  let delivered = 0;
  const clients: Ably.Realtime[] = [];
  for (let start = 0; start < subscribers; start += 50) {
    const batch = Array.from({ length: Math.min(50, subscribers - start) }, (_, offset) =>
      realtime(server.port, `sub-${start + offset}`),
    );
    await Promise.all(
      batch.map(async (client) => {
        const view = client.channels.get(channel);
        await view.presence.subscribe(() => {
          delivered++;
        });
      }),
    );
    clients.push(...batch);
  }
  const publisher = await Wire.open(server.port, 'publisher');
  await publisher.attach(channel);
  const expected = subscribers * updates;
  delivered = 0;
  const started = performance.now();
  for (let index = 0; index < updates; index++) {
    publisher.send({ action: 14, channel, msgSerial: index, presence: [{ action: 4, data: `update ${index}` }] });
  }
  while (delivered < expected) await new Promise((resolve) => setTimeout(resolve, 5));
  const seconds = (performance.now() - started) / 1000;
  publisher.close();
  for (const client of clients) client.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    subscribers,
    subscriberKind: 'ably SDK (msgpack)',
    updates,
    deliveries: delivered,
    seconds: round(seconds, 2),
    deliveriesPerSecond: Math.round(delivered / seconds),
  };
}

async function benchFanoutWire(server: ServerProcess, subscribers: number, updates: number): Promise<FanoutResult> {
  const channel = 'fanout-wire';
  const wires: Wire[] = [];
  for (let start = 0; start < subscribers; start += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, subscribers - start) }, () => Wire.open(server.port, undefined, false)),
    );
    await Promise.all(batch.map((wire) => wire.attach(channel)));
    wires.push(...batch);
  }
  const publisher = await Wire.open(server.port, 'publisher');
  await publisher.attach(channel);
  const baseline = wires.map((wire) => wire.frames);
  const count = () => wires.reduce((sum, wire, index) => sum + wire.frames - (baseline[index] ?? 0), 0);
  const expected = subscribers * updates;
  const started = performance.now();
  for (let index = 0; index < updates; index++) {
    publisher.send({ action: 14, channel, msgSerial: index, presence: [{ action: 4, data: `update ${index}` }] });
  }
  while (count() < expected) await new Promise((resolve) => setTimeout(resolve, 5));
  const seconds = (performance.now() - started) / 1000;
  publisher.close();
  for (const wire of wires) wire.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    subscribers,
    subscriberKind: 'bare WebSocket (json)',
    updates,
    deliveries: count(),
    seconds: round(seconds, 2),
    deliveriesPerSecond: Math.round(count() / seconds),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Memory

interface MemoryResult {
  connections: number;
  heapPerIdleConnectionKiB: number;
  rssPerIdleConnectionKiB: number;
  heapPerMemberKiB: number;
  rssPerMemberKiB: number;
}

async function benchMemory(server: ServerProcess, connections: number): Promise<MemoryResult> {
  const before = await server.request<MemoryReport>('memory');
  const wires: Wire[] = [];
  for (let start = 0; start < connections; start += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, connections - start) }, (_, offset) =>
        Wire.open(server.port, `idle-${start + offset}`),
      ),
    );
    await Promise.all(batch.map((wire, offset) => wire.attach(`idle-room-${(start + offset) % 10}`)));
    wires.push(...batch);
  }
  const idle = await server.request<MemoryReport>('memory');
  await Promise.all(
    wires.map((wire, index) => {
      const acked = wire.until((frame) => frame.action === 1);
      wire.send({
        action: 14,
        channel: `idle-room-${index % 10}`,
        msgSerial: 0,
        presence: [{ action: 2, data: { name: `Idle ${index}` } }],
      });
      return acked;
    }),
  );
  const entered = await server.request<MemoryReport>('memory');
  for (const wire of wires) wire.close();
  const kib = (bytes: number) => round(bytes / 1024 / connections, 2);
  return {
    connections,
    heapPerIdleConnectionKiB: kib(idle.heapUsed - before.heapUsed),
    rssPerIdleConnectionKiB: kib(idle.rss - before.rss),
    heapPerMemberKiB: kib(entered.heapUsed - idle.heapUsed),
    rssPerMemberKiB: kib(entered.rss - idle.rss),
  };
}

// ---------------------------------------------------------------------------------------------------------------

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const version = (name: string) =>
    (JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
  return {
    nproc: cpus().length,
    cpuModel: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 1024 ** 3),
    node: process.version,
    ably: version('ably'),
    chat: version('@ably/chat'),
  };
}

function markdown(report: Report): string {
  const { machine: m } = report;
  const lines = [
    '## local-ably server',
    '',
    `Measured ${report.date.slice(0, 10)} with \`pnpm bench:server\` on ${m.nproc} × ${m.cpuModel}, ${m.memoryGiB} GiB,`,
    `Node ${m.node}, ably ${m.ably}, @ably/chat ${m.chat}. The server runs in its own process (default options, SYNC`,
    'pages of 100); clients run in the bench process on the same machine, so client and server share the CPUs.',
    `Raw figures: [docs/bench/server.json](bench/server.json).`,
    '',
    '### Full presence SYNC to a fresh client',
    '',
    'Members were entered with explicit clientIds from one key connection. "attach → full set" starts at',
    '`channel.attach()` on a connected client and ends when `presence.get()` returns every member; "cold client" adds',
    `creating the \`Realtime\` client and connecting. Medians of ${report.sync
      .map((row) => `${row.runs} (${row.members.toLocaleString('en')})`)
      .filter((text, index, all) => all.indexOf(text) === index)
      .join(' and ')} runs.`,
    '',
    '| members | protocol | attach → full set (ms) | cold client (ms) |',
    '|--:|---|--:|--:|',
    ...report.sync.map(
      (row) =>
        `| ${row.members.toLocaleString('en')} | ${row.protocol} | ${row.attachToFullSetMs} | ${row.coldClientMs} |`,
    ),
    '',
    '### Presence fan-out in one room',
    '',
    'One publisher sends presence updates as fast as it can; every subscriber is attached with presence-subscribe;',
    'the clock runs from the first update sent to the last delivery counted. The receiving clients (500 real SDK',
    'clients, or 500 bare sockets that only count frames) share the two CPUs with the server, so these are lower',
    'bounds for the server alone.',
    '',
    '| subscribers | kind | updates | deliveries | seconds | deliveries/s |',
    '|--:|---|--:|--:|--:|--:|',
    ...report.fanout.map(
      (row) =>
        `| ${row.subscribers} | ${row.subscriberKind} | ${row.updates} | ${row.deliveries.toLocaleString('en')} | ${row.seconds} | ${row.deliveriesPerSecond.toLocaleString('en')} |`,
    ),
    '',
    '### Memory',
    '',
    `${report.memory.connections.toLocaleString('en')} bare WebSocket connections, each with a clientId and attached to one`,
    'of 10 channels, then each entering presence once. Server heap after forced GC and RSS, per connection/member.',
    'Heap is the retained cost. RSS per member also holds the buffers used to fan each enter out to the 100',
    'connections on its channel, so read it as an upper bound.',
    '',
    '| per idle attached connection | per presence member |',
    '|---|---|',
    `| ${report.memory.heapPerIdleConnectionKiB} KiB heap, ${report.memory.rssPerIdleConnectionKiB} KiB RSS | ${report.memory.heapPerMemberKiB} KiB heap, ${report.memory.rssPerMemberKiB} KiB RSS |`,
    '',
  ];
  return lines.join('\n');
}

interface Report {
  date: string;
  machine: ReturnType<typeof machine>;
  sync: SyncResult[];
  fanout: FanoutResult[];
  memory: MemoryResult;
}

/** Replaces (or appends) only the "## local-ably server" section; other sections belong to other benchmarks. */
function writeSection(path: string, section: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = '# Benchmarks\n\n';
  }
  const heading = '## local-ably server';
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) {
    text = `${text.trimEnd()}\n\n${section}`;
  } else {
    const next = text.indexOf('\n## ', start + heading.length);
    text = `${text.slice(0, start)}${section}${next === -1 ? '' : text.slice(next + 1)}`;
  }
  writeFileSync(path, `${text.trimEnd()}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const log = (message: string) => console.log(`[${round((performance.now() - started) / 1000)} s] ${message}`);
  const server = await ServerProcess.start();
  try {
    log(`server up on port ${server.port}`);
    const memory = await benchMemory(server, 1_000);
    log(`memory: ${JSON.stringify(memory)}`);
    const sync = [...(await benchSync(server, 1_000, 5)), ...(await benchSync(server, 10_000, 3))];
    for (const row of sync) log(`sync: ${JSON.stringify(row)}`);
    const fanout = [await benchFanoutSdk(server, 500, 200), await benchFanoutWire(server, 500, 1_000)];
    for (const row of fanout) log(`fanout: ${JSON.stringify(row)}`);
    const report: Report = { date: new Date().toISOString(), machine: machine(), sync, fanout, memory };
    mkdirSync(`${ROOT}docs/bench`, { recursive: true });
    writeFileSync(`${ROOT}docs/bench/server.json`, `${JSON.stringify(report, null, 2)}\n`);
    writeSection(`${ROOT}docs/benchmarks.md`, markdown(report));
    log('wrote docs/bench/server.json and the "local-ably server" section of docs/benchmarks.md');
  } finally {
    await server.stop();
  }
}

if (process.env.BENCH_ROLE === 'server') {
  await serve();
} else {
  await main();
  process.exit(0);
}

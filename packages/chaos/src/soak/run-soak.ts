import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { chatChannelName } from '@presence-kit/local-ably';
import { SeededRandom } from '../seeded-random.js';
import type { ServerProcessOptions } from '../server-process/server-commands.js';
import { ServerProcess } from '../server-process/server-process.js';
import { ChatMember } from './chat-member.js';
import { LatencyHistogram } from './latency-histogram.js';
import { RawMember } from './raw-member.js';
import { mb, type SoakMinute, type SoakReport, type SoakSample } from './soak-report.js';

export interface SoakOptions {
  connections: number;
  /** How many of the connections are full @ably/chat ChatClients (observers for latency); the rest are raw sockets. */
  chatClients: number;
  /** How many raw sockets receive presence events too (the others are members only). */
  rawSubscribers: number;
  minutes: number;
  /** Churn operations per second across the room. */
  opsPerSecond: number;
  sampleSeconds: number;
  seed: number;
  log: (line: string) => void;
}

const ROOM = 'soak-room';
const CHANNEL = chatChannelName(ROOM);

/**
 * Real server timers, except the connection state TTL (Ably: 2 min), shortened so the checkpoints can wait out every
 * dropped connection that was not resumed and compare memory with exactly the same connections and members.
 */
const SERVER: ServerProcessOptions = { connectionStateTtlMs: 30_000, logWarnings: true };

type Member = { kind: 'chat'; member: ChatMember } | { kind: 'raw'; member: RawMember };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The soak: `connections` members in one room on local-ably (its own process), churning at a steady seeded rate
 * (updates, leaves and enters, abrupt drops that resume, clean reconnects that re-enter), with the server's memory
 * sampled every few seconds, and memory after two full GCs compared at two checkpoints (after a warm-up, and at the
 * end) with every connection back and present, so the two hold exactly the same state.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const since = () => (Date.now() - started) / 1000;
  const loadBefore = loadavg();
  const random = new SeededRandom(options.seed);
  const server = await ServerProcess.start(SERVER, ['--max-old-space-size=4096']);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  const latencyByMinute: LatencyHistogram[] = [];
  let churnStarted = 0;
  const minuteNow = () => Math.floor((Date.now() - churnStarted) / 60_000);
  let afterOwnOutage = 0;
  // Off during the ramp-up and the checkpoints: there every member enters or comes back at once, a burst that says
  // how fast a crowd can rejoin, not how fast one update travels.
  let churning = false;
  const onLatency = (ms: number, kind: 'live' | 'after-own-outage') => {
    if (!churning) return;
    if (kind !== 'live') {
      afterOwnOutage++;
      return;
    }
    const minute = minuteNow();
    latencyByMinute[minute] ??= new LatencyHistogram();
    latencyByMinute[minute].record(ms);
  };

  let seq = 0;
  // Only data sent on a live connection is stamped: an update queued while the sender reconnects would measure its
  // outage rather than delivery.
  const data = (clientId: string, live = true) => ({
    name: clientId,
    status: random.chance(0.8) ? 'online' : 'away',
    avatar: `https://example.com/avatars/${clientId}.png`,
    seq: ++seq,
    ...(live ? { sentAt: Date.now() } : {}),
  });
  const liveNow = (m: Member) => (m.kind === 'chat' ? m.member.canSendNow : m.member.isOpen);

  const members: Member[] = [];
  const busy = new Set<number>();
  const ops: Record<string, number> = { update: 0, leave: 0, enter: 0, drop: 0, reconnect: 0, skipped: 0 };
  const opsByMinute: number[] = [];
  let reconnectFailures = 0;
  const chatCount = Math.min(options.chatClients, options.connections);

  try {
    // Ramp-up: members-only sockets first, then subscribing sockets, then ChatClients, in batches. Subscribers come
    // last so the ramp-up does not send each of them every earlier enter (2,000 enters to 2,000 subscribers is 4
    // million frames); each gets one SYNC of everyone instead.
    const rawCount = options.connections - chatCount;
    const subscribers = Math.min(options.rawSubscribers, rawCount);
    for (let i = 0; i < options.connections; i++) {
      const clientId = `soak-${String(i).padStart(4, '0')}`;
      const raw = { port: server.port, key: server.key, clientId, channel: CHANNEL };
      members.push(
        i < rawCount
          ? { kind: 'raw', member: new RawMember({ ...raw, subscribe: i >= rawCount - subscribers }) }
          : {
              kind: 'chat',
              member: new ChatMember({ port: server.port, key: server.key, clientId, room: ROOM, onLatency }),
            },
      );
    }
    for (let start = 0; start < members.length; ) {
      const batch = members.slice(start, start + (start >= rawCount ? 10 : 50));
      await Promise.all(
        batch.map(async (m) => {
          // On a loaded machine a handshake can time out; try again rather than give up on the whole soak.
          for (let attempt = 1; ; attempt++) {
            try {
              if (m.kind === 'chat') await m.member.open();
              else await m.member.connect();
              break;
            } catch (error) {
              if (attempt === 3) throw error;
              options.log(`soak: ${m.member.clientId} attempt ${attempt} failed (${(error as Error).message}); again`);
            }
          }
          m.member.enter(data(m.member.clientId));
        }),
      );
      start += batch.length;
      if (start % 500 < batch.length)
        options.log(`soak: ${start}/${members.length} connected, ${since().toFixed(0)} s`);
    }
    const rampUpS = since();
    // A socket the server cut (e.g. as silent: it missed its pongs while this process lagged) resumes, as an SDK would.
    for (const [index, entry] of members.entries()) {
      if (entry.kind !== 'raw') continue;
      const raw = entry.member;
      raw.onCut = () => {
        if (busy.has(index)) return;
        busy.add(index);
        void raw
          .connect(true)
          .catch(() => reconnectFailures++)
          .finally(() => busy.delete(index));
      };
    }

    // Sampling: raw memory every few seconds (no GC, so it does not disturb the latencies).
    const samples: SoakSample[] = [];
    let lastCpu = (await server.memory()).cpuMs;
    let lastCpuAt = Date.now();
    const sample = async () => {
      const memory = await server.memory();
      const now = Date.now();
      samples.push({
        atS: Math.round(since()),
        heapUsedMB: mb(memory.heapUsed),
        rssMB: mb(memory.rss),
        connections: memory.stats.connections,
        members: memory.stats.members,
        serverCpuPct: Math.round(((memory.cpuMs - lastCpu) / (now - lastCpuAt)) * 100),
      });
      lastCpu = memory.cpuMs;
      lastCpuAt = now;
    };
    const sampler = setInterval(() => void sample().catch(() => {}), options.sampleSeconds * 1000);

    const operate = (index: number) => {
      const entry = members[index];
      if (!entry || busy.has(index)) {
        ops.skipped = (ops.skipped ?? 0) + 1;
        return;
      }
      const m = entry.member;
      const count = (name: string) => {
        ops[name] = (ops[name] ?? 0) + 1;
        const minute = minuteNow();
        opsByMinute[minute] = (opsByMinute[minute] ?? 0) + 1;
      };
      if (!m.present) {
        if (random.chance(0.9)) {
          count('enter');
          m.enter(data(m.clientId, liveNow(entry)));
        } else ops.skipped = (ops.skipped ?? 0) + 1;
        return;
      }
      const roll = random.next();
      if (roll < 0.6) {
        count('update');
        m.update(data(m.clientId, liveNow(entry)));
      } else if (roll < 0.7) {
        count('leave');
        m.leave();
      } else {
        const kind = roll < 0.85 ? 'drop' : 'reconnect';
        count(kind);
        const pauseMs = random.int(200, 2_000);
        if (entry.kind === 'chat') {
          // The server cuts the socket; the SDK resumes (drop), or finds its resume refused and re-enters (reconnect).
          if (entry.member.connectionId)
            void server.drop(entry.member.connectionId, { loseState: kind === 'reconnect' }).catch(() => {});
          return;
        }
        busy.add(index);
        const raw = entry.member;
        if (kind === 'drop') raw.drop();
        else raw.close();
        void (async () => {
          await sleep(pauseMs);
          try {
            await raw.connect(kind === 'drop');
            if (!raw.present) raw.enter(data(raw.clientId));
          } catch {
            reconnectFailures++;
          } finally {
            busy.delete(index);
          }
        })();
      }
    };

    let budget = 0;
    const churn = setInterval(() => {
      if (!churning) return;
      budget += options.opsPerSecond / 10;
      for (; budget >= 1; budget--) operate(random.int(0, members.length - 1));
    }, 100);

    // Every connection back and present, then wait until the server holds exactly that (dropped connections that
    // were not resumed expire, their members leave), then measure after full GCs.
    const checkpoint = async () => {
      churning = false;
      const deadline = Date.now() + 120_000;
      while (busy.size > 0 && Date.now() < deadline) await sleep(100);
      const entries = [...members.entries()];
      for (let start = 0; start < entries.length; start += 50) {
        await Promise.all(
          entries.slice(start, start + 50).map(async ([index, entry]) => {
            if (entry.kind === 'raw' && !entry.member.isOpen) {
              busy.add(index);
              await entry.member.connect(true).catch(() => reconnectFailures++);
              busy.delete(index);
            }
            if (!entry.member.present) entry.member.enter(data(entry.member.clientId));
          }),
        );
      }
      for (;;) {
        const memory = await server.memory();
        const chatReady = members.every((m) => m.kind === 'raw' || m.member.isConnected);
        if (chatReady && memory.stats.connections === members.length && memory.stats.members === members.length) break;
        if (Date.now() > deadline) {
          options.log(`soak: checkpoint did not settle: ${JSON.stringify(memory.stats)}`);
          break;
        }
        await sleep(1_000);
      }
      const memory = await server.memory(true);
      options.log(
        `soak: checkpoint at ${since().toFixed(0)} s: ${memory.stats.connections} connections, ${memory.stats.members} members, heap ${mb(memory.heapUsed)} MB, RSS ${mb(memory.rss)} MB`,
      );
      return { atS: Math.round(since()), memory };
    };

    const warmupMinutes = Math.min(1, options.minutes / 5);
    const clientLoopByMinute: number[] = [];
    const closeMinute = () => {
      clientLoopByMinute.push(Math.round(loop.percentile(99) / 1e6));
      loop.reset();
    };
    const minuteLog = setInterval(() => {
      closeMinute();
      const last = samples[samples.length - 1];
      options.log(
        `soak: ${since().toFixed(0)} s, ${last?.members ?? '?'} members, heap ${last?.heapUsedMB ?? '?'} MB, RSS ${last?.rssMB ?? '?'} MB, server CPU ${last?.serverCpuPct ?? '?'} %`,
      );
    }, 60_000);
    loop.reset();
    churnStarted = Date.now();
    const churnStartS = since();
    churning = true;
    await sleep(warmupMinutes * 60_000);
    const warm = await checkpoint();
    churning = true;
    const mainMs = (options.minutes - warmupMinutes) * 60_000;
    await sleep(mainMs);
    const end = await checkpoint();
    clearInterval(churn);
    clearInterval(sampler);
    clearInterval(minuteLog);
    closeMinute();
    loop.disable();

    // Per-minute rows: the last sample taken in that minute of churn.
    const minutes: SoakMinute[] = [];
    const churnMinutes = Math.ceil(options.minutes);
    for (let minute = 0; minute < churnMinutes; minute++) {
      const inMinute = samples.filter(
        (s) => s.atS >= churnStartS + minute * 60 && s.atS < churnStartS + (minute + 1) * 60,
      );
      const last = inMinute[inMinute.length - 1];
      const histogram = latencyByMinute[minute] ?? new LatencyHistogram();
      minutes.push({
        minute: minute + 1,
        ops: opsByMinute[minute] ?? 0,
        latency: {
          count: histogram.count,
          p50: histogram.quantile(0.5),
          p99: histogram.quantile(0.99),
          max: Math.round(histogram.max),
        },
        heapUsedMB: last?.heapUsedMB ?? 0,
        rssMB: last?.rssMB ?? 0,
        members: last?.members ?? 0,
        connections: last?.connections ?? 0,
        serverCpuPct: inMinute.length
          ? Math.round(inMinute.reduce((sum, s) => sum + s.serverCpuPct, 0) / inMinute.length)
          : 0,
        clientLoopP99Ms: clientLoopByMinute[minute] ?? 0,
      });
    }
    const all = new LatencyHistogram();
    for (const histogram of latencyByMinute) if (histogram) all.add(histogram);
    const heapDelta = end.memory.heapUsed - warm.memory.heapUsed;
    const report: SoakReport = {
      startedAt: new Date(started).toISOString(),
      options: {
        connections: options.connections,
        chatClients: chatCount,
        rawClients: options.connections - chatCount,
        rawSubscribers: Math.min(options.rawSubscribers, options.connections - chatCount),
        minutes: options.minutes,
        warmupMinutes,
        opsPerSecond: options.opsPerSecond,
        sampleSeconds: options.sampleSeconds,
        seed: options.seed,
        server: { ...SERVER },
      },
      machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg(), node: process.version },
      rampUpS: Math.round(rampUpS),
      churnStartS: Math.round(churnStartS),
      durationS: Math.round(since()),
      ops,
      samples,
      minutes,
      warm,
      end,
      growth: {
        heapUsedMB: mb(heapDelta),
        heapUsedPct: (heapDelta / warm.memory.heapUsed) * 100,
        rssMB: mb(end.memory.rss - warm.memory.rss),
        grew: heapDelta > Math.max(2 * 1024 * 1024, warm.memory.heapUsed * 0.05),
      },
      latency: { count: all.count, p50: all.quantile(0.5), p99: all.quantile(0.99), max: Math.round(all.max) },
      latencyAfterOwnOutage: afterOwnOutage,
      errors: {
        chatPresenceCalls: members.reduce((sum, m) => sum + (m.kind === 'chat' ? m.member.errors : 0), 0),
        rawNacks: members.reduce((sum, m) => sum + (m.kind === 'raw' ? m.member.nacks : 0), 0),
        reconnectFailures,
        rawCutByServer: members.reduce((sum, m) => sum + (m.kind === 'raw' ? m.member.cutByServer : 0), 0),
      },
    };
    return report;
  } finally {
    loop.disable();
    for (const m of members) {
      if (m.kind === 'chat') await m.member.close().catch(() => {});
      else m.member.drop();
    }
    await server.close();
  }
}

import type { ServerMemory } from '../server-process/server-commands.js';

/** One memory sample of the server process. */
export interface SoakSample {
  /** Seconds since the soak started (after the ramp-up, churn starts at `churnStartS`). */
  atS: number;
  heapUsedMB: number;
  rssMB: number;
  connections: number;
  members: number;
  /** Server CPU use since the previous sample, in % of one core. */
  serverCpuPct: number;
}

/** One minute of churn. */
export interface SoakMinute {
  minute: number;
  ops: number;
  /** Presence latency samples (one per observer per event) and their quantiles, ms. */
  latency: { count: number; p50: number; p99: number; max: number };
  /** The last sample of the minute. */
  heapUsedMB: number;
  rssMB: number;
  members: number;
  connections: number;
  serverCpuPct: number;
  /** The client process's event-loop delay p99 that minute, ms (latency includes it). */
  clientLoopP99Ms: number;
}

/** Memory at a checkpoint: churn paused, every connection back and present, two full GCs in the server. */
export interface SoakCheckpoint {
  atS: number;
  memory: ServerMemory;
}

export interface SoakReport {
  startedAt: string;
  options: {
    connections: number;
    chatClients: number;
    rawClients: number;
    rawSubscribers: number;
    minutes: number;
    warmupMinutes: number;
    opsPerSecond: number;
    sampleSeconds: number;
    seed: number;
    server: Record<string, unknown>;
  };
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[]; node: string };
  rampUpS: number;
  churnStartS: number;
  durationS: number;
  ops: Record<string, number>;
  samples: SoakSample[];
  minutes: SoakMinute[];
  warm: SoakCheckpoint;
  end: SoakCheckpoint;
  growth: { heapUsedMB: number; heapUsedPct: number; rssMB: number; grew: boolean };
  latency: { count: number; p50: number; p99: number; max: number };
  /** Deliveries to an observer that was itself reconnecting when the update was sent (left out of `latency`). */
  latencyAfterOwnOutage: number;
  errors: { chatPresenceCalls: number; rawNacks: number; reconnectFailures: number; rawCutByServer: number };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export { mb };

/** The report as a console table and summary lines. */
export function formatSoak(report: SoakReport): string {
  const o = report.options;
  const lines = [
    `soak: ${o.connections} connections (${o.chatClients} @ably/chat ChatClients, ${o.rawClients} raw protocol sockets of which ${o.rawSubscribers} receive presence events) in one room, ${o.minutes} min of churn at ${o.opsPerSecond} ops/s, seed ${o.seed}`,
    `machine: ${report.machine.cpus} cores, load ${report.machine.loadBefore.map((l) => l.toFixed(1)).join('/')} before, ${report.machine.loadAfter.map((l) => l.toFixed(1)).join('/')} after; ramp-up ${report.rampUpS.toFixed(0)} s`,
    '',
    '| min | ops | members | conns | heap MB | RSS MB | server CPU % | latency p50 ms | p99 ms | max ms | samples | client loop p99 ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.minutes.map(
      (m) =>
        `| ${m.minute} | ${m.ops} | ${m.members} | ${m.connections} | ${m.heapUsedMB} | ${m.rssMB} | ${m.serverCpuPct} | ${m.latency.p50} | ${m.latency.p99} | ${m.latency.max} | ${m.latency.count} | ${m.clientLoopP99Ms} |`,
    ),
    '',
    `latency (presence update sent -> received by each ChatClient observer): p50 ${report.latency.p50} ms, p99 ${report.latency.p99} ms, max ${report.latency.max} ms over ${report.latency.count} samples (${report.latencyAfterOwnOutage} more arrived after the observer's own drop and resume; left out)`,
    `memory after warm-up (${report.warm.memory.stats.connections} connections, ${report.warm.memory.stats.members} members, after GC): heap ${mb(report.warm.memory.heapUsed)} MB, RSS ${mb(report.warm.memory.rss)} MB`,
    `memory at the end   (${report.end.memory.stats.connections} connections, ${report.end.memory.stats.members} members, after GC): heap ${mb(report.end.memory.heapUsed)} MB, RSS ${mb(report.end.memory.rss)} MB`,
    `growth: heap ${report.growth.heapUsedMB >= 0 ? '+' : ''}${report.growth.heapUsedMB} MB (${report.growth.heapUsedPct.toFixed(1)} %), RSS ${report.growth.rssMB >= 0 ? '+' : ''}${report.growth.rssMB} MB -> ${report.growth.grew ? 'GROWS' : 'no growth'}`,
    `ops: ${Object.entries(report.ops)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}; errors: ${report.errors.chatPresenceCalls} chat presence calls failed, ${report.errors.rawNacks} NACKs, ${report.errors.reconnectFailures} reconnects failed; the server cut ${report.errors.rawCutByServer} raw sockets (they resumed)`,
  ];
  return lines.join('\n');
}

import type { Disagreement, DisagreementKind } from './agreement.js';
import type { ChaosClient } from './chaos-client.js';
import { type ChaosReport, emptyCounts, emptyPhases } from './chaos-report.js';
import { diagnose } from './failure-diagnosis.js';
import { FAULT_WEIGHTS, type FaultKind } from './fault-kinds.js';
import { injectCycle } from './inject-cycle.js';
import { NodeChaosClient } from './node-client.js';
import { ResourceProbe } from './resource-probe.js';
import { SeededRandom } from './seeded-random.js';
import { ServerProcess } from './server-process/server-process.js';
import { TcpProxy } from './tcp-proxy.js';
import { QUIET_TIMEOUT_MS, serverTimings } from './timings.js';
import { TokenSource } from './token-source.js';
import { waitForAgreement } from './wait-for-agreement.js';

export interface ChaosOptions {
  seed: number;
  cycles: number;
  nodeClients: number;
  /** Chromium pages with the kit's hooks (needs a browser; see `browser-clients.ts`). */
  browserClients?: number;
  /** Starts browser participants; kept out of this file so a Node-only run never loads playwright. */
  openBrowsers?: (count: number, make: BrowserFactoryArgs) => Promise<BrowserParticipants>;
  /** Progress lines (e.g. every 50 cycles); silent when absent. */
  log?: (line: string) => void;
  /** Stop at the first cycle that does not reach agreement (default true: later cycles would only add noise). */
  stopOnFailure?: boolean;
}

/** Browser participants; `close()` unmounts and closes them and returns any listeners they left behind. */
export interface BrowserParticipants {
  clients: ChaosClient[];
  close(): Promise<string[]>;
}

/** What a browser factory needs to give each page its own proxy and token source. */
export interface BrowserFactoryArgs {
  server: ServerProcess;
  participant(clientId: string): Promise<{ proxy: TcpProxy; tokens: TokenSource }>;
}

/** Token lifetime for ordinary connections: long enough to outlive most cycles, short enough to renew in a full run. */
const TOKEN_TTL_MS = 60_000;

/**
 * Runs the chaos: starts local-ably with short timers, connects the clients (each through its own TCP proxy, with
 * JWTs from its own token source), then for each cycle injects one to three faults and a few of the clients' own
 * enter/update/leave actions at random moments, waits until everything is quiet, and checks that every observer
 * agrees with the server. Returns the report; `lost` and `problems` must be empty.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const random = new SeededRandom(options.seed);
  const log = options.log ?? (() => {});
  const probe = new ResourceProbe();
  probe.start();
  // local-ably runs in a process of its own: on one event loop with 20-odd SDKs and their proxies it was starved,
  // and every fault took longer to recover from than the server's timers alone would make it.
  const server = await ServerProcess.start(serverTimings);
  const proxies: TcpProxy[] = [];
  const participant = async (clientId: string) => {
    const proxy = new TcpProxy('127.0.0.1', () => server.port);
    await proxy.start();
    proxies.push(proxy);
    return { proxy, tokens: new TokenSource(server.key, clientId, TOKEN_TTL_MS) };
  };

  const clients: ChaosClient[] = [];
  let browsers: BrowserParticipants | undefined;
  const counts = emptyCounts();
  const report: ChaosReport = {
    seed: options.seed,
    cycles: 0,
    clients: { node: options.nodeClients, browser: options.browserClients ?? 0 },
    ...counts,
    lost: [],
    problems: [],
    durationMs: 0,
    staleReentriesCorrected: 0,
    quietMs: { max: 0, mean: 0 },
    quietMsByKind: {},
    phases: emptyPhases(),
  };
  const phases = report.phases;
  const addWait = (wait: Awaited<ReturnType<typeof waitForAgreement>>) => {
    phases.settleMs += wait.settleMs;
    phases.convergeMs += wait.convergeMs;
    phases.pollMs += wait.pollMs;
    phases.polls += wait.polls;
  };
  const quietByKind = new Map<FaultKind, { total: number; cycles: number }>();
  const sequence = new Map<string, number>();
  const nextData = (clientId: string) => {
    const n = (sequence.get(clientId) ?? 0) + 1;
    sequence.set(clientId, n);
    return { name: clientId, n };
  };

  let teardownStart = 0;
  try {
    for (let i = 0; i < options.nodeClients; i++) {
      const clientId = `node-${String(i).padStart(2, '0')}`;
      const { proxy, tokens } = await participant(clientId);
      const client = new NodeChaosClient(clientId, proxy, tokens);
      await client.open();
      clients.push(client);
    }
    if ((options.browserClients ?? 0) > 0) {
      if (!options.openBrowsers) throw new Error('chaos: browserClients needs openBrowsers');
      browsers = await options.openBrowsers(options.browserClients ?? 0, { server, participant });
      clients.push(...browsers.clients);
    }
    // Most clients start present; the rest join and leave as the cycles go.
    for (const client of clients) {
      if (random.chance(0.8)) {
        client.setPresence({ present: true, data: nextData(client.clientId) });
        counts.actions.enter++;
      }
    }
    const first = await waitForAgreement(server, clients, QUIET_TIMEOUT_MS);
    if (first.remaining.length > 0) recordLoss(report, 0, first.remaining);
    phases.setupMs = Date.now() - started;

    let quietTotal = 0;
    for (
      let cycle = 1;
      cycle <= options.cycles && (report.lost.length === 0 || options.stopOnFailure === false);
      cycle++
    ) {
      const injectStart = Date.now();
      const steps = await injectCycle(random, server, clients, counts, nextData);
      phases.injectMs += Date.now() - injectStart;
      const quiet = await waitForAgreement(server, clients, QUIET_TIMEOUT_MS);
      addWait(quiet);
      quietTotal += quiet.elapsedMs;
      report.quietMs.max = Math.max(report.quietMs.max, quiet.elapsedMs);
      report.cycles = cycle;
      for (const kind of new Set(steps.map((step) => step.split(' ')[0] as FaultKind))) {
        if (!(kind in FAULT_WEIGHTS)) continue;
        const entry = quietByKind.get(kind) ?? { total: 0, cycles: 0 };
        quietByKind.set(kind, { total: entry.total + quiet.elapsedMs, cycles: entry.cycles + 1 });
      }
      if (quiet.remaining.length > 0) {
        recordLoss(report, cycle, quiet.remaining, [...steps, ...(await diagnose(server, quiet.remaining))]);
      }
      if (cycle % 50 === 0)
        log(`chaos: cycle ${cycle}/${options.cycles}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    report.quietMs.mean = report.cycles > 0 ? quietTotal / report.cycles : 0;
    for (const [kind, { total, cycles }] of quietByKind) report.quietMsByKind[kind] = total / cycles;
    report.staleReentriesCorrected = clients.reduce((sum, client) => sum + client.staleCorrections, 0);
  } finally {
    teardownStart = Date.now();
    // Node clients report leaks found while unbinding, so ask them after closing; pages before (close unmounts them).
    for (const client of clients.filter((c) => c.kind === 'browser')) {
      report.problems.push(...(await client.problems().catch((error: unknown) => [String(error)])));
    }
    report.problems.push(...((await browsers?.close().catch((error: unknown) => [String(error)])) ?? []));
    for (const client of clients.filter((c) => c.kind === 'node')) {
      await client.close().catch(() => {});
      report.problems.push(...(await client.problems()));
    }
    await server.close();
    for (const proxy of proxies) await proxy.close();
  }
  report.problems.push(...(await probe.finish()));
  phases.teardownMs = Date.now() - teardownStart;
  report.durationMs = Date.now() - started;
  return report;
}

function recordLoss(report: ChaosReport, cycle: number, remaining: Disagreement[], steps: string[] = []): void {
  const kinds: Partial<Record<DisagreementKind, number>> = {};
  for (const item of remaining) kinds[item.kind] = (kinds[item.kind] ?? 0) + 1;
  report.lost.push({ cycle, kinds, sample: remaining.slice(0, 12), steps });
}

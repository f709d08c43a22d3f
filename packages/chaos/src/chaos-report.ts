import type { Disagreement, DisagreementKind } from './agreement.js';
import { type ActionKind, FAULT_KINDS, type FaultKind } from './fault-kinds.js';

/** What a run survived and what it lost. `lost` must be empty for the run to pass. */
export interface ChaosReport {
  seed: number;
  cycles: number;
  clients: { node: number; browser: number };
  faults: Record<FaultKind, number>;
  actions: Record<ActionKind, number>;
  /** Disagreements still there after the quiet timeout, by kind (one entry per failing cycle). */
  lost: Array<{
    cycle: number;
    kinds: Partial<Record<DisagreementKind, number>>;
    sample: Disagreement[];
    steps: string[];
  }>;
  /** Unhandled rejections, error-boundary hits, leaked listeners or handles. */
  problems: string[];
  durationMs: number;
  /** Times Node clients corrected a wrong automatic re-entry by ably-js (stale data, or back after leaving); not a loss. */
  staleReentriesCorrected: number;
  /** The slowest time to quiet after a cycle's faults, and the mean. */
  quietMs: { max: number; mean: number };
  /** Mean time to quiet of the cycles each fault kind took part in (what each kind costs). */
  quietMsByKind: Partial<Record<FaultKind, number>>;
  /** Where the time went, in ms over the whole run (see `formatReport` for the per-cycle means). */
  phases: PhaseTotals;
}

/** Time per phase, summed over the run. */
export interface PhaseTotals {
  /** Starting the server, the clients and the pages, and the first agreement. */
  setupMs: number;
  /** Injecting each cycle's faults and actions (including the 0-40 ms gaps between them). */
  injectMs: number;
  /** Quiet phase until every client is connected, attached, synced and idle. */
  settleMs: number;
  /** Quiet phase from settled to full agreement. */
  convergeMs: number;
  /** Of the quiet phase: reading every client and the server and comparing (the rest is waiting). */
  pollMs: number;
  polls: number;
  /** Closing the clients, pages and server, and the leak checks. */
  teardownMs: number;
}

export function emptyPhases(): PhaseTotals {
  return { setupMs: 0, injectMs: 0, settleMs: 0, convergeMs: 0, pollMs: 0, polls: 0, teardownMs: 0 };
}

export function emptyCounts(): Pick<ChaosReport, 'faults' | 'actions'> {
  return {
    faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>,
    actions: { enter: 0, update: 0, leave: 0 },
  };
}

/** The run as text: what was survived, then what was lost (nothing, on a passing run). */
export function formatReport(report: ChaosReport): string {
  const faultTotal = Object.values(report.faults).reduce((a, b) => a + b, 0);
  const lines = [
    `chaos seed ${report.seed} (CHAOS_SEED=${report.seed} reproduces this run)`,
    `survived: ${report.cycles} cycles, ${report.clients.node + report.clients.browser} clients (${report.clients.node} Node, ${report.clients.browser} Chromium), ${faultTotal} faults in ${(report.durationMs / 1000).toFixed(1)} s`,
    ...FAULT_KINDS.map((kind) => `  ${kind.padEnd(20)} ${report.faults[kind]}`),
    `  own actions: ${report.actions.enter} enter, ${report.actions.update} update, ${report.actions.leave} leave`,
    `  ably-js re-entry mistakes corrected by Node clients (not losses): ${report.staleReentriesCorrected}`,
    `  time to quiet: mean ${report.quietMs.mean.toFixed(0)} ms, max ${report.quietMs.max.toFixed(0)} ms; by kind: ${Object.entries(
      report.quietMsByKind,
    )
      .map(([kind, ms]) => `${kind} ${Math.round(ms ?? 0)}`)
      .join(', ')}`,
    formatPhases(report),
    `lost: ${report.lost.length} cycles with disagreement, ${report.problems.length} problems`,
  ];
  for (const failure of report.lost) {
    lines.push(`  cycle ${failure.cycle}: ${JSON.stringify(failure.kinds)}`);
    for (const step of failure.steps) lines.push(`    - ${step}`);
    for (const item of failure.sample) lines.push(`    ${item.kind}: ${item.detail}`);
  }
  for (const problem of report.problems) lines.push(`  problem: ${problem}`);
  return lines.join('\n');
}

function formatPhases(report: ChaosReport): string {
  const p = report.phases;
  const n = Math.max(1, report.cycles);
  const per = (ms: number) => `${(ms / n).toFixed(0)} ms`;
  const cycleMs = (p.injectMs + p.settleMs + p.convergeMs) / n;
  return [
    `  time per cycle: ${cycleMs.toFixed(0)} ms = inject ${per(p.injectMs)} + settle ${per(p.settleMs)} + converge ${per(p.convergeMs)}`,
    `(of the quiet phase, ${per(p.pollMs)} reading and comparing in ${(p.polls / n).toFixed(1)} polls);`,
    `setup ${(p.setupMs / 1000).toFixed(1)} s, teardown ${(p.teardownMs / 1000).toFixed(1)} s`,
  ].join(' ');
}

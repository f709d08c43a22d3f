/**
 * `pnpm test:chaos`: the full chaos run. Defaults: 1,000 cycles, 21 Node clients and 3 Chromium pages, seed 20261130.
 * Environment: CHAOS_SEED, CHAOS_CYCLES, CHAOS_NODE_CLIENTS, CHAOS_BROWSER_CLIENTS (0 for Node only), CHROMIUM_PATH.
 * Exits non-zero when anything was lost.
 */
import { formatReport } from './chaos-report.js';
import { DEFAULT_SEED } from './default-seed.js';
import { runChaos } from './run-chaos.js';
import { seedFrom } from './seeded-random.js';

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new TypeError(`chaos: ${name} must be a whole number, got "${raw}"`);
  return value;
}

const seed = seedFrom(process.env.CHAOS_SEED, DEFAULT_SEED);
const browserClients = count('CHAOS_BROWSER_CLIENTS', 3);
const report = await runChaos({
  seed,
  cycles: count('CHAOS_CYCLES', 1_000),
  nodeClients: count('CHAOS_NODE_CLIENTS', 21),
  browserClients,
  ...(browserClients > 0 ? { openBrowsers: (await import('./browser-clients.js')).openBrowserClients } : {}),
  log: (line) => console.log(line),
});
console.log(formatReport(report));
process.exitCode = report.lost.length === 0 && report.problems.length === 0 ? 0 : 1;

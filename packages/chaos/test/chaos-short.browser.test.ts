import { describe, expect, it } from 'vitest';
import { openBrowserClients } from '../src/browser-clients.js';
import { formatReport } from '../src/chaos-report.js';
import { DEFAULT_SEED } from '../src/default-seed.js';
import { runChaos } from '../src/run-chaos.js';
import { seedFrom } from '../src/seeded-random.js';

/**
 * The short chaos run in `pnpm test`: the seed that found this package's bugs (CHAOS_SEED overrides it), six Node
 * clients with the kit's store and one Chromium page with its hooks and components, 25 fault cycles. `pnpm test:chaos` runs the
 * full 1,000 cycles. A failure prints the cycle's steps and the server's presence history for the clients involved.
 */
describe('chaos (short, seeded)', () => {
  it('loses nothing: every observer agrees with the server after every cycle, and nothing leaks', async () => {
    const report = await runChaos({
      seed: seedFrom(process.env.CHAOS_SEED, DEFAULT_SEED),
      cycles: 25,
      nodeClients: 6,
      browserClients: 1,
      openBrowsers: openBrowserClients,
    });
    const text = formatReport(report);
    expect(report.lost, text).toEqual([]);
    expect(report.problems, text).toEqual([]);
    expect(report.cycles).toBe(25);
    expect(Object.values(report.faults).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(25);
  });
});

// StrykerJS for presence-kit: `pnpm test:mutation [target ...]` (scripts/mutation.mjs) runs one target at a time,
// selected by MUTATION_TARGET. Slow, so never part of `pnpm test` or CI. Each target mutates one folder and runs only
// the test files that exist to check it, so a run finishes in minutes on a shared two-core machine.

/** @type {Record<string, { mutate: string[]; vitest: string; testFiles: string[] }>} */
export const TARGETS = {
  store: {
    mutate: ['packages/react/src/store/**/*.ts'],
    vitest: 'mutation/vitest.react.config.ts',
    testFiles: ['packages/react/test/store/**/*.test.ts'],
  },
  provider: {
    mutate: ['packages/react/src/provider/**/*.{ts,tsx}'],
    vitest: 'mutation/vitest.react.config.ts',
    testFiles: ['packages/react/test/provider/**/*.test.{ts,tsx}'],
  },
  // local-ably: unit tests of the folder's own modules (test/unit, run first: see
  // mutation/vitest.local-ably.config.ts),
  // then the few real-SDK and wire-level files written for that folder. perTest coverage then runs, per mutant, only
  // the tests that reached it.
  'local-ably-presence': {
    mutate: ['packages/local-ably/src/presence/**/*.ts'],
    vitest: 'mutation/vitest.local-ably.config.ts',
    testFiles: [
      'packages/local-ably/test/unit/presence-*.test.ts',
      'packages/local-ably/test/unit/data-size.test.ts',
      'packages/local-ably/test/presence.test.ts',
      'packages/local-ably/test/presence-service.test.ts',
    ],
  },
  'local-ably-occupancy': {
    mutate: ['packages/local-ably/src/occupancy/**/*.ts'],
    vitest: 'mutation/vitest.local-ably.config.ts',
    testFiles: ['packages/local-ably/test/unit/occupancy-*.test.ts', 'packages/local-ably/test/occupancy*.test.ts'],
  },
  'local-ably-auth': {
    mutate: ['packages/local-ably/src/auth/**/*.ts'],
    vitest: 'mutation/vitest.local-ably.config.ts',
    testFiles: [
      'packages/local-ably/test/unit/capability.test.ts',
      'packages/local-ably/test/unit/tokens.test.ts',
      'packages/local-ably/test/unit/principals.test.ts',
      'packages/local-ably/test/auth.test.ts',
      'packages/local-ably/test/capabilities.test.ts',
    ],
  },
};

const name = process.env.MUTATION_TARGET ?? 'store';
const target = TARGETS[name];
if (!target) throw new Error(`Unknown MUTATION_TARGET "${name}"; one of: ${Object.keys(TARGETS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: target.vitest, related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: target.mutate,
  testFiles: target.testFiles,
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one test runner by default (MUTATION_CONCURRENCY=2 to use both).
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  // Static mutants (module-level constants) force a full reload per mutant and rarely say anything about behaviour.
  ignoreStatic: true,
  incremental: true,
  // Committed, so a re-run (anyone's) tests only the mutants whose code or covering tests changed since.
  incrementalFile: `mutation/incremental/${name}.json`,
  // A mutant's tests may take their dry-run time × 1.5 plus this before Stryker calls it a timeout (counted as detected).
  timeoutMS: 5_000,
  timeoutFactor: 1.5,
  tempDirName: `.stryker-tmp/${name}`,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  thresholds: { high: 90, low: 85, break: null },
};

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The `local-ably` project alone (Node), for StrykerJS. Which test files run per target is chosen in stryker.config.mjs. */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['packages/local-ably/test/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
    environment: 'node',
    // Stryker switches mutants at run time, so modules can stay loaded between runs: seconds saved per mutant.
    isolate: false,
    // A mutant that leaves a promise pending fails its test quickly instead of waiting for Stryker's timeout.
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});

import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript source (see vitest.config.ts). */
const conditions = ['@presence-kit/source', ...defaultServerConditions];

/** The `local-ably` project alone (Node), for StrykerJS. Which test files run per target is chosen in stryker.config.mjs. */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { conditions },
  ssr: { resolve: { conditions } },
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

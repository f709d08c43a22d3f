import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript source (see vitest.config.ts). */
const conditions = ['@presence-kit/source', ...defaultServerConditions];

/**
 * The `react` project alone (jsdom), for StrykerJS: the mutation run must not start the browser or type-check
 * projects. Which test files run per target is chosen in stryker.config.mjs.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['packages/react/test/**/*.test.{ts,tsx}'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
    environment: 'jsdom',
    // Stryker switches mutants at run time, so modules can stay loaded between runs: seconds saved per mutant.
    isolate: false,
    // A mutant that leaves a promise pending fails its test quickly instead of waiting for Stryker's timeout.
    testTimeout: 5_000,
    hookTimeout: 10_000,
  },
});

import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs unit test files (`test/unit/`) before the files that start servers and real SDK clients. StrykerJS bails on the
 * first failing test, so a mutant that a fast unit test kills never pays for a real-SDK file; Vitest's own order
 * (slowest first) would do the opposite.
 */
class UnitFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => (file.moduleId.includes('/test/unit/') ? 0 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

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
    // A mutant that leaves a promise pending fails its test quickly instead of waiting for Stryker's timeout. The
    // real-SDK tests take well under a second each when nothing is wrong (`eventually` gives up after 5 s).
    testTimeout: 8_000,
    hookTimeout: 8_000,
    sequence: { sequencer: UnitFirstSequencer },
  },
});

import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// Two builds write into dist/ side by side, so neither may `clean` (they run concurrently): clear it once here.
rmSync('dist', { recursive: true, force: true });

const libraryEntries = {
  index: 'src/index.ts',
  'vite/index': 'src/vite/index.ts',
  'vite/client': 'src/vite/client.ts',
};

const shared: Options = {
  sourcemap: true,
  target: 'node20',
  // The plugin only needs Vite's types; the app's own Vite is the one that runs it.
  external: ['vite'],
};

export default defineConfig([
  // ESM, with the CLI: the `bin` is ESM only, and shares its chunks with the library entries.
  { ...shared, entry: { ...libraryEntries, cli: 'src/cli.ts' }, format: ['esm'], dts: { entry: libraryEntries } },
  // CommonJS for `require` users, with its own `.d.cts` so `require` never gets ESM types.
  { ...shared, entry: libraryEntries, format: ['cjs'], dts: true },
]);

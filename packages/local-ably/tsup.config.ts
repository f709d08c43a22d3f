import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    'vite/index': 'src/vite/index.ts',
    'vite/client': 'src/vite/client.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', 'vite/index': 'src/vite/index.ts', 'vite/client': 'src/vite/client.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // The plugin only needs Vite's types; the app's own Vite is the one that runs it.
  external: ['vite'],
});

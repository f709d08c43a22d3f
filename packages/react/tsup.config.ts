import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// Two builds write into dist/ side by side, so neither may `clean` (they run concurrently): clear it once here.
rmSync('dist', { recursive: true, force: true });

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  external: ['react', 'react-dom', '@ably/chat', 'ably', '@tanstack/react-query'],
};

export default defineConfig([
  {
    ...shared,
    // Hooks and providers: each bundle is one file, so per-file 'use client' directives are lost; mark the entries.
    entry: { index: 'src/index.ts', query: 'src/query.ts', testing: 'src/testing.ts' },
    banner: { js: "'use client';" },
  },
  // Server-safe: key factories and option builders, importable from React Server Components and Node.
  { ...shared, entry: { server: 'src/server.ts' } },
]);

import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/query.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  // Bundled entries lose per-file 'use client' directives: mark each whole entry as client code.
  banner: { js: "'use client';" },
  external: ['react', 'react-dom', '@presence-kit/react', '@tanstack/react-query', '@tanstack/react-virtual'],
});

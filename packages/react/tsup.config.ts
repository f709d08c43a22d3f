import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  // The bundle is one file, so per-file 'use client' directives are lost: mark the whole entry as client code.
  banner: { js: "'use client';" },
  external: ['react', 'react-dom', '@ably/chat', 'ably', '@tanstack/react-query'],
});

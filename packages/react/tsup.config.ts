import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// Two builds write into dist/ side by side, so neither may `clean` (they run concurrently): clear it once here.
rmSync('dist', { recursive: true, force: true });

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // A Rollup pass over esbuild's output merges each module's `import { … } from 'react'` (and '@ably/chat') into one
  // per file. An app bundled with esbuild keeps every import statement it is given, so this is ~0.1 kB gz of the core
  // hooks (issue #11's size budget); Rollup-based bundlers merge them anyway.
  treeshake: true,
  external: ['react', 'react-dom', '@ably/chat', 'ably', '@tanstack/react-query'],
};

const DIRECTIVE = "'use client';\n";

/**
 * Hooks and providers: each bundle is one file, so per-file 'use client' directives are lost; mark every file of the
 * client build. Rollup drops a `banner` directive ("module level directives cause errors when bundled"), so it is
 * prepended after the build, with the source map shifted down by that one line.
 */
function markClientFiles(): void {
  for (const file of readdirSync('dist')) {
    if (!/\.c?js$/.test(file) || file.startsWith('server.')) continue;
    const path = `dist/${file}`;
    const code = readFileSync(path, 'utf8');
    if (code.startsWith(DIRECTIVE)) continue;
    writeFileSync(path, DIRECTIVE + code);
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { mappings: string };
    map.mappings = `;${map.mappings}`;
    writeFileSync(`${path}.map`, JSON.stringify(map));
  }
}

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', query: 'src/query.ts', testing: 'src/testing.ts' },
    onSuccess: async () => markClientFiles(),
  },
  // Server-safe: key factories and option builders, importable from React Server Components and Node.
  { ...shared, entry: { server: 'src/server.ts' } },
]);

import { fileURLToPath } from 'node:url';
import { type StaticServer, serveStatic } from '@presence-kit/test-support/static-server';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./page/chaos-page.tsx', import.meta.url));

const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>presence-kit chaos participant</title></head>
<body><main id="root"></main><script type="module" src="/chaos.js"></script></body>
</html>`;

/** Bundles the chaos page for the browser: the SDKs' browser builds and React's development build (its checks on). */
export async function bundleChaosPage(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@presence-kit/source', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"development"' },
    jsx: 'automatic',
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('chaos: esbuild produced no output for the page');
  return output.text;
}

/** Serves the page shell and its bundle on 127.0.0.1 (a free port). */
export function serveChaosPage(script: string): Promise<StaticServer> {
  return serveStatic({
    '/': { type: 'text/html; charset=utf-8', body: HTML },
    '/chaos.js': { type: 'text/javascript; charset=utf-8', body: script },
  });
}

/**
 * Builds the bench page with esbuild (browser conditions, production React) and serves it from a tiny HTTP server on
 * loopback. The page talks to local-ably directly; this server only hands out the page, its script and side C's CSS.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type StaticServer, serveStatic } from '@presence-kit/test-support/static-server';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./page/main.tsx', import.meta.url));
/** `@ably/chat-react-ui-kit`'s stylesheet (Tailwind output), which side C's page links as a user's app would. */
const UI_KIT_CSS = createRequire(import.meta.url).resolve('@ably/chat-react-ui-kit/dist/style.css');

/**
 * Both sides render the same list. Rows use `content-visibility: auto`, as any long list should (or be virtualized):
 * the browser then lays out and paints only the rows on screen, so the measurement is about the hooks, not about
 * laying out 10,000 list items, a cost both sides would otherwise pay identically on every frame.
 */
/**
 * React's profiling build (used only so that `<Profiler onRender>` counts commits) also logs every component render
 * to DevTools performance tracks through `console.timeStamp`, which production React never does and which costs
 * milliseconds per commit while a DevTools session is attached. It checks for `console.timeStamp` once, when it
 * loads, so a classic script hides it before the bundle runs. (It was a module imported first by the page; but
 * `"sideEffects": false` in this package let esbuild drop that bare import, so until issue #11 the logging was on, on
 * every side.)
 */
const PERF_TRACKS_OFF = 'console.timeStamp = undefined;';

const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>presence-kit bench</title>
<style>body{font:12px system-ui;margin:0}.members{margin:0;padding:4px;list-style:none}
.members li{content-visibility:auto;contain-intrinsic-size:auto 15px}</style></head>
<body><div id="root"></div><script>${PERF_TRACKS_OFF}</script><script type="module" src="/bench.js"></script></body>
</html>`;

/** Bundles the page for the browser: the SDKs' browser builds and React's production build with profiling on. */
export async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@presence-kit/source', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // The profiling build is production React with <Profiler onRender> kept working, so commits can be counted.
    alias: { 'react-dom/client': 'react-dom/profiling' },
    jsx: 'automatic',
    // Whitespace and syntax only: readable names keep --cpu-profile output legible and cost nothing at run time.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('bench: esbuild produced no output for the page');
  return output.text;
}

/** The running page server. */
export type PageServer = StaticServer;

/** Serves `/` (the HTML shell), `/bench.js` (the bundle) and side C's CSS on 127.0.0.1, on a free port. */
export function servePage(script: string): Promise<PageServer> {
  return serveStatic({
    '/': { type: 'text/html; charset=utf-8', body: HTML },
    '/bench.js': { type: 'text/javascript; charset=utf-8', body: script },
    '/ui-kit.css': { type: 'text/css; charset=utf-8', body: () => readFileSync(UI_KIT_CSS) },
  });
}

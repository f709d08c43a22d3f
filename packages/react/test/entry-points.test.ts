// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { QueryClient } from '@tanstack/react-query';
import * as Ably from 'ably';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PresenceKitError } from '../src/index.js';
import { presenceQueryOptions } from '../src/server.js';
import { startKit } from './support/render-with-kit.js';

const src = (file: string) => fileURLToPath(new URL(`../src/${file}`, import.meta.url));

/** The bare module specifiers an entry's bundle imports (peers stay external), and whether it says 'use client'. */
async function bundleImports(entry: string) {
  const result = await build({
    entryPoints: [src(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    logLevel: 'silent',
    external: ['react', 'react-dom', 'react/jsx-runtime', 'ably', '@ably/chat', '@tanstack/react-query'],
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return new Set(output.imports.filter((i) => i.external).map((i) => i.path));
}

/** What an app's bundler keeps of `@presence-kit/react` for the provider and the three core hooks (issue #11's budget). */
async function coreHooksBundle() {
  const result = await build({
    stdin: {
      contents: `export { PresenceKitProvider, PresenceRoom, usePresence, usePresenceListener, useOccupancy } from ${JSON.stringify(src('index.ts'))};`,
      resolveDir: src('.'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    minifySyntax: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react', 'react-dom', 'react/jsx-runtime', 'ably', '@ably/chat', '@tanstack/react-query'],
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const modules = Object.keys(output.inputs).filter((path) => output.inputs[path]!.bytesInOutput > 0);
  return { modules: modules.map((path) => path.replace(/^.*\/src\//, '')), text: result.outputFiles[0]!.text };
}

describe('entry points', () => {
  // From source, as an app's bundler tree-shakes it. The built package (tsup's chunks) is guarded by `pnpm size`, whose
  // core budget a retained people view exceeds (7.23 kB against 7.1 when member-index's empty PeopleMap was not pure).
  it('the provider and the three core hooks bundle none of the per-person views', async () => {
    const { modules, text } = await coreHooksBundle();
    expect(modules).toContain('store/room-store-core.ts');
    expect(modules).not.toContain('store/people-view.ts');
    expect(modules).not.toContain('store/member-index.ts');
    expect(modules).not.toContain('store/people-map.ts');
    // The empty snapshot the people hooks read is frozen at module level: only a pure annotation lets it be dropped.
    expect(text).not.toContain('peopleByClientId');
  });

  it('the core entry imports no react-query; /query does', async () => {
    const core = await bundleImports('index.ts');
    expect(core.has('react')).toBe(true);
    expect(core.has('@tanstack/react-query')).toBe(false);
    expect((await bundleImports('query.ts')).has('@tanstack/react-query')).toBe(true);
  });

  it('the server entry imports no React, so server code can use the key factories and option builders', async () => {
    const server = await bundleImports('server.ts');
    expect([...server].filter((path) => path.startsWith('react'))).toEqual([]);
  });

  it('option builders read through an Ably.Rest client, as a server would', async () => {
    const kit = await startKit();
    const alice = await kit.room(kit.chat('alice'), 'rest');
    await alice.presence.enter({ name: 'Alice' });
    const rest = new Ably.Rest({ ...kit.server.clientOptions(), logLevel: 0 } as Ably.ClientOptions);
    const members = await new QueryClient().fetchQuery(presenceQueryOptions(rest, 'rest'));
    expect(members.map((member) => [member.clientId, member.data])).toEqual([['alice', { name: 'Alice' }]]);
  });

  it('PresenceKitError passes instanceof whichever entry (each bundled apart, as published) made or checks it', async () => {
    // Built as tsup builds dist/: /server in a build of its own, so each bundle carries its own copy of the class.
    // Inside the package, so the bundles' bare imports (react, ably) resolve from its node_modules.
    const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(join(cache, 'entries-'));
    try {
      const load = async (entry: string) => {
        const outfile = join(dir, entry.replace('.ts', '.mjs'));
        await build({
          entryPoints: [src(entry)],
          bundle: true,
          outfile,
          format: 'esm',
          platform: 'node',
          logLevel: 'silent',
          external: ['react', 'react-dom', 'react/jsx-runtime', 'ably', '@ably/chat', '@tanstack/react-query'],
        });
        return (await import(pathToFileURL(outfile).href)) as { PresenceKitError: typeof PresenceKitError };
      };
      const [core, server] = [await load('index.ts'), await load('server.ts')];
      // The ErrorInfo the bundles themselves import: under `pnpm test:react18` this file's own `ably` is another copy.
      const sdk = join(dir, 'ably.mjs');
      writeFileSync(sdk, "export { ErrorInfo } from 'ably';\n");
      const { ErrorInfo } = (await import(pathToFileURL(sdk).href)) as typeof Ably;
      expect(core.PresenceKitError).not.toBe(server.PresenceKitError);
      const fromServer = new server.PresenceKitError(104002, 'from /server');
      const fromCore = new core.PresenceKitError(104002, 'from the core entry');
      for (const error of [fromServer, fromCore]) {
        expect(error instanceof core.PresenceKitError).toBe(true);
        expect(error instanceof server.PresenceKitError).toBe(true);
        expect(error instanceof PresenceKitError).toBe(true);
        expect(error instanceof ErrorInfo).toBe(true);
      }
      for (const other of [new Ably.ErrorInfo('sdk', 40000, 400), new Error('x'), null, undefined, 'text', {}]) {
        expect(other instanceof server.PresenceKitError).toBe(false);
        expect(other instanceof PresenceKitError).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

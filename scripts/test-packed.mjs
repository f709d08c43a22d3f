// `pnpm test:packed`: the packages as a user gets them from npm.
//  1. Packs each published package with `pnpm pack` (its `prepack` builds it) into a scratch directory.
//  2. Checks each tarball: publint --strict, attw (are the types wrong), no `workspace:` ranges, no src/, the bin.
//  3. Installs the tarballs into a scratch app outside the workspace, type-checks code that uses every entry point
//     with `skipLibCheck: false` as ESM, CommonJS (both `nodenext`) and with bundler resolution, then imports and
//     requires every entry in Node, starts local-ably through each, and runs the `local-ably` bin.
// PK_PACKED_NO_BUILD=1 packs the current dist/ without rebuilding (faster when iterating). PK_PACKED_KEEP=1 keeps the
// scratch directory.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = ['-y', 'pnpm@10.34.9'];
const PACKAGES = [
  { dir: 'react', name: '@presence-kit/react', entries: ['', '/query', '/server', '/testing'] },
  { dir: 'react-ui', name: '@presence-kit/react-ui', entries: ['', '/query'], assets: ['/styles.css'] },
  { dir: 'local-ably', name: '@presence-kit/local-ably', entries: ['', '/vite', '/vite/client'], bin: 'local-ably' },
];

const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'presence-kit-packed-'));
const tarballs = join(scratch, 'tarballs');
const app = join(scratch, 'app');
mkdirSync(tarballs);
mkdirSync(app);
const failures = [];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

function check(label, fn) {
  try {
    fn();
    console.log(`ok   ${label}`);
  } catch (error) {
    failures.push(label);
    console.log(`FAIL ${label}\n${String(error.message ?? error).trim()}\n`);
  }
}

// 1. Pack.
for (const pkg of PACKAGES) {
  const args = ['pack', '--pack-destination', tarballs];
  if (process.env.PK_PACKED_NO_BUILD) args.push('--config.ignore-scripts=true');
  run('npx', [...PNPM, ...args], { cwd: join(ROOT, 'packages', pkg.dir) });
  const { version } = JSON.parse(readFileSync(join(ROOT, 'packages', pkg.dir, 'package.json'), 'utf8'));
  pkg.tarball = join(tarballs, `${pkg.name.slice(1).replace('/', '-')}-${version}.tgz`);
}

// 2. Tarball checks.
for (const pkg of PACKAGES) {
  const files = run('tar', ['tzf', pkg.tarball]).split('\n').filter(Boolean);
  const manifest = JSON.parse(run('tar', ['xzOf', pkg.tarball, 'package/package.json']));
  console.log(`\n${pkg.name}: ${files.length} files`);
  check(`${pkg.name}: publint --strict`, () => run('npx', ['publint', 'run', '--strict', pkg.tarball], { cwd: ROOT }));
  // node10 (moduleResolution "node") predates `exports` and cannot see subpath entries; the CSS file has no types.
  check(`${pkg.name}: attw (node16 + bundler)`, () =>
    run(
      'npx',
      ['attw', pkg.tarball, '--profile', 'node16', '--format', 'ascii', '--exclude-entrypoints', 'styles.css'],
      {
        cwd: ROOT,
      },
    ),
  );
  check(`${pkg.name}: no workspace: ranges in the packed manifest`, () => {
    const leaks = JSON.stringify(manifest).match(/"workspace:[^"]*"/g);
    if (leaks) throw new Error(leaks.join(', '));
  });
  check(`${pkg.name}: no src/ in the tarball, LICENSE and README present`, () => {
    const src = files.filter((file) => file.startsWith('package/src/'));
    if (src.length > 0) throw new Error(`ships ${src.length} source files`);
    for (const required of ['package/LICENSE', 'package/README.md']) {
      if (!files.includes(required)) throw new Error(`missing ${required}`);
    }
  });
  if (pkg.dir === 'react') {
    // The build prepends the directive itself (its Rollup pass drops tsup's banner): every client file has it, and
    // the server entry does not, so React Server Components can import `/server`.
    check(`${pkg.name}: 'use client' on every client file, not on /server`, () => {
      const js = files.filter((file) => /^package\/dist\/.*\.c?js$/.test(file));
      const wrong = js.filter((file) => {
        const marked = run('tar', ['xzOf', pkg.tarball, file]).startsWith("'use client';");
        return marked === file.startsWith('package/dist/server.');
      });
      if (js.length === 0 || wrong.length > 0) throw new Error(`wrong: ${wrong.join(', ') || 'no dist files'}`);
    });
  }
  if (pkg.bin) {
    check(`${pkg.name}: bin ${pkg.bin} is packed`, () => {
      const target = manifest.bin?.[pkg.bin]?.replace(/^\.\//, 'package/');
      if (!target || !files.includes(target)) throw new Error(`bin ${JSON.stringify(manifest.bin)}`);
    });
  }
}

// 3. A scratch app outside the workspace, installed from the tarballs only.
const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const dev = rootManifest.devDependencies;
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify(
    {
      name: 'scratch-app',
      private: true,
      type: 'module',
      dependencies: {
        ...Object.fromEntries(PACKAGES.map((pkg) => [pkg.name, `file:${pkg.tarball}`])),
        '@ably/chat': dev['@ably/chat'],
        '@tanstack/react-query': dev['@tanstack/react-query'],
        ably: dev.ably,
        react: dev.react,
        'react-dom': dev['react-dom'],
      },
      devDependencies: {
        '@types/node': dev['@types/node'],
        '@types/react': dev['@types/react'],
        '@types/react-dom': dev['@types/react-dom'],
        typescript: dev.typescript,
        vite: dev.vite,
      },
    },
    null,
    2,
  ),
);
// The same pnpm pins `@presence-kit/react` (react-ui's peer) to the local tarball instead of the registry.
writeFileSync(
  join(app, 'pnpm-workspace.yaml'),
  `overrides:\n  '@presence-kit/react': 'file:${PACKAGES[0].tarball}'\nonlyBuiltDependencies: []\n`,
);
run('npx', [...PNPM, 'install', '--prefer-offline', '--config.ignore-workspace-root-check=true'], { cwd: app });

const usage = `
import { PresenceKitProvider, PresenceRoom, PresenceKitError, shallow, useOccupancy, usePeople, usePresence } from '@presence-kit/react';
import { useOccupancyQuery } from '@presence-kit/react/query';
import { presenceKeys } from '@presence-kit/react/server';
import { RoomStore } from '@presence-kit/react/testing';
import { AvatarStack, OnlineList, ViewerCount } from '@presence-kit/react-ui';
import { ActiveRooms } from '@presence-kit/react-ui/query';
import * as localAblyModule from '@presence-kit/local-ably';
import { createJwt, DEV_KEY, type Inspector, type LocalAbly, startLocalAbly } from '@presence-kit/local-ably';
import { chatCapability, localAbly } from '@presence-kit/local-ably/vite';
import { ablyClientOptions, fetchAblyConfig } from '@presence-kit/local-ably/vite/client';

export const values = [PresenceKitProvider, PresenceRoom, PresenceKitError, shallow, useOccupancy, usePeople, usePresence,
  useOccupancyQuery, presenceKeys, RoomStore, AvatarStack, OnlineList, ViewerCount, ActiveRooms, createJwt, DEV_KEY,
  startLocalAbly, chatCapability, localAbly, ablyClientOptions, fetchAblyConfig];
export const key: string = presenceKeys.room('lobby')[0] as string;
export async function rooms(server: LocalAbly): Promise<number> {
  const inspect: Inspector = server.inspect;
  return inspect.rooms().length;
}
// @ts-expect-error Inspector is a type only: the package exports no such value.
export const notAValue = localAblyModule.Inspector;
`;
writeFileSync(join(app, 'esm.mts'), usage);
writeFileSync(join(app, 'cjs.cts'), usage);
writeFileSync(join(app, 'bundler.ts'), usage);
const compilerOptions = {
  target: 'ES2022',
  strict: true,
  skipLibCheck: false,
  noEmit: true,
  jsx: 'react-jsx',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: ['node'],
};
const tsconfig = (name, options, files) =>
  writeFileSync(join(app, name), JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, files }));
tsconfig('tsconfig.node.json', { module: 'nodenext', moduleResolution: 'nodenext' }, ['esm.mts', 'cjs.cts']);
tsconfig('tsconfig.bundler.json', { module: 'esnext', moduleResolution: 'bundler' }, ['bundler.ts']);

console.log('\nscratch app');
const tsc = join(app, 'node_modules/typescript/bin/tsc');
// Errors in our declarations or the app's code fail; errors inside other packages' own .d.ts files (@ably/chat 1.4
// ships declarations that reference unexported names) are printed but are not ours to fix.
function typecheck(project) {
  const result = spawnSync('node', [tsc, '-p', project, '--pretty', 'false'], { cwd: app, encoding: 'utf8' });
  const errors = result.stdout.split('\n').filter((line) => /\): error TS\d+/.test(line));
  const ours = errors.filter((line) => !line.includes('node_modules/') || line.includes('presence-kit'));
  const theirs = errors.length - ours.length;
  if (theirs > 0)
    console.log(
      `     (${theirs} error(s) inside third-party declarations, not ours:`,
      [
        ...new Set(
          errors
            .filter((line) => !ours.includes(line))
            .map((line) => line.replace(/^.*node_modules\//, '').replace(/^((@[^/]+\/)?[^/]+).*/, '$1')),
        ),
      ].join(', '),
      ')',
    );
  if (ours.length > 0 || (result.status !== 0 && errors.length === 0))
    throw new Error(ours.join('\n') || result.stdout + result.stderr);
}
check('types: ESM and CommonJS (nodenext), skipLibCheck false', () => typecheck('tsconfig.node.json'));
check('types: bundler resolution, skipLibCheck false', () => typecheck('tsconfig.bundler.json'));

const specifiers = PACKAGES.flatMap((pkg) => pkg.entries.map((entry) => pkg.name + entry));
const runtime = (kind, load) => `
const specifiers = ${JSON.stringify(specifiers)};
for (const specifier of specifiers) {
  const mod = ${load};
  if (Object.keys(mod).length === 0) throw new Error(specifier + ' has no exports');
}
// /server is built apart from the other entries, so it carries its own copy of PresenceKitError; instanceof must hold.
const core = ${load.replaceAll('specifier', "'@presence-kit/react'")};
const serverEntry = ${load.replaceAll('specifier', "'@presence-kit/react/server'")};
if (!(new serverEntry.PresenceKitError(104002, 'x') instanceof core.PresenceKitError) ||
    !(new core.PresenceKitError(104002, 'x') instanceof serverEntry.PresenceKitError)) {
  throw new Error('a PresenceKitError from one entry fails instanceof against the other entry');
}
const { startLocalAbly } = ${load.replaceAll('specifier', "'@presence-kit/local-ably'")};
const server = await startLocalAbly({ port: 0 });
const time = await (await fetch(server.url + '/time')).json();
await server.close();
if (!Array.isArray(time)) throw new Error('GET /time answered ' + JSON.stringify(time));
console.log('${kind}: ' + specifiers.length + ' entries load; PresenceKitError is one class to instanceof; local-ably answered on a free port');
`;
writeFileSync(join(app, 'load.mjs'), runtime('import', 'await import(specifier)'));
writeFileSync(
  join(app, 'load.cjs'),
  `(async () => {${runtime('require', 'require(specifier)')}})().catch((error) => { console.error(error); process.exit(1); });`,
);
check('node: import every entry (ESM), start local-ably', () => run('node', ['load.mjs'], { cwd: app }));
check('node: require every entry (CommonJS), start local-ably', () => run('node', ['load.cjs'], { cwd: app }));
check('node: styles.css resolves', () =>
  run('node', ['-e', "require.resolve('@presence-kit/react-ui/styles.css')"], { cwd: app }),
);
check('bin: local-ably --help', () => {
  const out = execFileSync(join(app, 'node_modules/.bin/local-ably'), ['--help'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (!/--port/.test(out)) throw new Error(out);
});

const seconds = Math.round((Date.now() - started) / 1000);
if (process.env.PK_PACKED_KEEP) console.log(`\nscratch directory kept: ${scratch}`);
else rmSync(scratch, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(`\n${failures.length} check(s) failed in ${seconds} s: ${failures.join('; ')}`);
  process.exit(1);
}
console.log(`\nall packed-package checks passed in ${seconds} s`);

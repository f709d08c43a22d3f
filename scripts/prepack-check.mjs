// Runs before `npm pack` / `pnpm pack` / `npm publish` in each package (its `prepack` script), before the build.
// pnpm rewrites `workspace:` ranges in the packed manifest; npm copies them verbatim, and such a tarball cannot be
// installed. Published packages therefore declare no `workspace:` ranges at all (workspace links come from the root
// package.json); this check keeps it that way, loudly, whichever client packs.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const fields = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'];
const leaks = fields.flatMap((field) =>
  Object.entries(manifest[field] ?? {})
    .filter(([, range]) => String(range).startsWith('workspace:'))
    .map(([name, range]) => `${field}.${name}: "${range}"`),
);

if (leaks.length > 0) {
  console.error(
    `${manifest.name}: refusing to pack, its package.json has workspace: ranges that npm would publish verbatim:\n` +
      leaks.map((leak) => `  ${leak}`).join('\n') +
      '\nGive them a semver range (peers, dependencies) or move them to the root package.json (devDependencies).',
  );
  process.exit(1);
}

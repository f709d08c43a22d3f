// Size budgets (issue #11): realistic imports as an app makes them, minified and gzipped, peers external, with
// process.env.NODE_ENV = 'production' so development warnings are dropped as an app's bundler would drop them.
// `pnpm size` prints and checks them; CI runs it.
const peers = ['react', 'react-dom', 'react/jsx-runtime', 'ably', '@ably/chat', '@tanstack/react-query'];

const production = (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } });

/** One budget: `code` is the app's import line. */
function budget(name, code, limit) {
  return { name, import: code, limit, gzip: true, ignore: peers, modifyEsbuildConfig: production };
}

export default [
  budget(
    '@presence-kit/react: provider + usePresence + usePresenceListener + useOccupancy',
    {
      './packages/react/src/index.ts':
        '{ PresenceKitProvider, PresenceRoom, usePresence, usePresenceListener, useOccupancy }',
    },
    '5 kB',
  ),
  budget(
    '@presence-kit/react/query: one query hook',
    { './packages/react/src/query.ts': '{ useOccupancyQuery }' },
    '2 kB',
  ),
];

import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';
// In an app: `from '@presence-kit/local-ably/vite'`. In this workspace the plugin's source is imported by path:
// Vite loads config files with fixed resolve conditions, so the `@presence-kit/source` export condition (below) does
// not apply to this file, and the package name would resolve to a build in dist/ that may be missing or stale.
import { chatCapability, localAbly } from '../../packages/local-ably/src/vite/index.js';

/** `PORT` picks the app's port (dev and preview); default 5173. */
function appPort(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return 5173;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new TypeError(`PORT must be an integer from 1 to 65535, got "${raw}"`);
  }
  return port;
}

/** Test runs shorten local-ably's timers through the environment; the defaults are Ably's own. */
function envMs(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new TypeError(`${name} must be a number of milliseconds, got "${raw}"`);
  return value;
}

const port = appPort();
const presenceLeaveDelayMs = envMs('DEMO_PRESENCE_LEAVE_DELAY_MS');
const connectionStateTtlMs = envMs('DEMO_CONNECTION_STATE_TTL_MS');

/** Workspace packages resolve to their TypeScript source through this export condition: no build step needed. */
const SOURCE_CONDITION = '@presence-kit/source';

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
  plugins: [
    react(),
    localAbly({
      server: {
        ...(presenceLeaveDelayMs === undefined ? {} : { presenceLeaveDelayMs }),
        ...(connectionStateTtlMs === undefined ? {} : { connectionStateTtlMs }),
      },
      // One room per token, plus channel-metadata on `*` so the lobby can list active rooms with their occupancy.
      capability: ({ room }) => chatCapability({ room, lobby: true }),
    }),
  ],
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The SDKs are most of the bundle and change less often than the app: their own chunks cache separately.
    rollupOptions: {
      output: { manualChunks: { ably: ['ably', '@ably/chat'], react: ['react', 'react-dom', 'react-dom/client'] } },
    },
  },
});

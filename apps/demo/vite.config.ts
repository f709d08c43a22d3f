import { chatCapability, localAbly } from '@presence-kit/local-ably/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

export default defineConfig({
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

import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { AblyConnectionConfig } from '@presence-kit/local-ably/vite';
import { createServer, type ViteDevServer } from 'vite';

export const DEMO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Timers the e2e tests run the demo's local-ably with (Ably's defaults are 15 s and 2 min). */
export const TEST_PRESENCE_LEAVE_DELAY_MS = 6_000;
export const TEST_CONNECTION_STATE_TTL_MS = 20_000;

export interface DemoServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  config: Extract<AblyConnectionConfig, { mode: 'local-ably' }>;
  /** JSON from local-ably's loopback admin API. */
  admin<T>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Starts the demo exactly as `pnpm dev` does (its own vite.config.ts and the localAbly() plugin), on a free port. */
export async function startDemoServer(): Promise<DemoServer> {
  const port = await freePort();
  // The demo's vite.config.ts reads these when it loads.
  process.env.PORT = String(port);
  process.env.DEMO_PRESENCE_LEAVE_DELAY_MS = String(TEST_PRESENCE_LEAVE_DELAY_MS);
  process.env.DEMO_CONNECTION_STATE_TTL_MS = String(TEST_CONNECTION_STATE_TTL_MS);
  delete process.env.ABLY_API_KEY;
  const server: ViteDevServer = await createServer({
    root: DEMO_ROOT,
    configFile: `${DEMO_ROOT}/vite.config.ts`,
    configLoader: 'runner',
    logLevel: 'warn',
    clearScreen: false,
  });
  await server.listen();
  const url = `http://127.0.0.1:${port}`;
  const config = (await (await fetch(`${url}/api/ably-config`)).json()) as AblyConnectionConfig;
  if (config.mode !== 'local-ably') throw new Error('the e2e tests need local-ably mode (unset ABLY_API_KEY)');
  return {
    url,
    config,
    admin: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${config.adminUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    close: () => server.close(),
  };
}

/** A port the OS just handed out (Vite treats port 0 as "use the default"). */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

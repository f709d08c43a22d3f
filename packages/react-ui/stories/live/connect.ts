import { ChatClient, LogLevel } from '@ably/chat';
import { ablyClientOptions, fetchAblyConfig } from '@presence-kit/local-ably/vite/client';
import * as Ably from 'ably';

/** Where live stories connect, and how they reach local-ably's admin API (simulated members). */
export interface LiveConnection {
  /** Makes a ChatClient for a clientId (the viewer, or an in-browser member). */
  chat(clientId: string): ChatClient;
  /** local-ably's admin API, when the server is local-ably. */
  adminUrl: string | undefined;
  /** How this Storybook reached the server, shown in the panel. */
  via: string;
}

/** The port and development key `pnpm local-ably` uses; public by design, and only ever sent to loopback. */
const STANDALONE = { endpoint: '127.0.0.1', port: 8081, key: 'local.dev:local-ably-development-secret' };

/**
 * `pnpm storybook` (and the story tests) serve `/api/ably-config` and a token endpoint through the localAbly() Vite
 * plugin: tokens, no key in the browser. A static build has no server, so it falls back to a local-ably the developer
 * started with `pnpm local-ably` on 127.0.0.1:8081, using its public development key. Anything else is an error that
 * says what to run.
 */
export async function connectLive(): Promise<LiveConnection> {
  try {
    const config = await fetchAblyConfig();
    return {
      chat: (clientId) => makeChat(ablyClientOptions(config, { clientId })),
      adminUrl: config.mode === 'local-ably' ? config.adminUrl : undefined,
      via: config.mode === 'local-ably' ? 'local-ably started by the Storybook dev server' : 'Ably (ABLY_API_KEY)',
    };
  } catch {
    // No dev server: a static build. Fall through to a standalone local-ably.
  }
  const base = `http://${STANDALONE.endpoint}:${STANDALONE.port}`;
  try {
    const response = await fetch(`${base}/time`, { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
  } catch {
    throw new Error(
      'This live story needs a running local-ably. A static Storybook cannot start one: run `pnpm local-ably` ' +
        '(it listens on 127.0.0.1:8081) and reload, or open the live Storybook with `pnpm storybook`.',
    );
  }
  return {
    chat: (clientId) =>
      makeChat({
        key: STANDALONE.key,
        clientId,
        endpoint: STANDALONE.endpoint,
        port: STANDALONE.port,
        tls: false,
        transports: ['web_socket'],
      }),
    adminUrl: `${base}/local-ably`,
    via: 'a local-ably you started on 127.0.0.1:8081 (static Storybook)',
  };
}

function makeChat(options: Ably.ClientOptions): ChatClient {
  const realtime = new Ably.Realtime({ ...options, logLevel: 0 } as Ably.ClientOptions);
  return new ChatClient(realtime, { logLevel: LogLevel.Silent });
}

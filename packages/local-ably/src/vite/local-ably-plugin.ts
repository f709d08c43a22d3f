import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, Plugin, PreviewServer, ViteDevServer } from 'vite';
import type { LocalAblyOptions } from '../options.js';
import { ErrorCode } from '../protocol/errors.js';
import { chatCapability } from './chat-capability.js';
import { type AblyConnectionConfig, DEFAULT_CONFIG_PATH, DEFAULT_TOKEN_PATH } from './connection-config.js';
import { sendAblyError, sendJson } from './json-response.js';
import { acquireLocalAbly } from './shared-local-ably.js';
import { handleTokenRequest, type TokenCapability } from './token-endpoint.js';

/** Options of {@link localAbly}. */
export interface LocalAblyPluginOptions {
  /**
   * Options for the local-ably server (timers, keys, ...). It always binds 127.0.0.1; `port` defaults to `0` (a free
   * port, which the browser learns from the config endpoint), so Storybook and the demo can run side by side.
   */
  server?: Omit<LocalAblyOptions, 'logger' | 'host'>;
  /** Path of the token endpoint. Default `/api/ably-token`. */
  tokenPath?: string;
  /** Path of the endpoint that tells the browser where to connect. Default `/api/ably-config`. */
  configPath?: string;
  /** Lifetime of each token. Default 10 minutes; the SDK fetches a new one before it expires. */
  tokenTtlMs?: number;
  /**
   * What a token may do: a fixed capability, or a function of `{ clientId, room }`. Default
   * `({ room }) => chatCapability({ room })`: presence, subscribe and channel-metadata on the requested room (or on every
   * chat room when the request names none), nothing else.
   */
  capability?: TokenCapability;
  /**
   * An Ably API key (`appId.keyId:secret`). When set, local-ably is not started and tokens are signed for Ably itself.
   * Default `process.env.ABLY_API_KEY`.
   */
  ablyApiKey?: string;
}

const DEFAULT_TOKEN_TTL_MS = 10 * 60_000;
const API_KEY = /^([^.:\s]+\.[^.:\s]+):(\S+)$/;

/**
 * A Vite plugin for development: starts local-ably with the dev (and preview) server, serves a token endpoint that
 * mints short-lived Ably JWTs for a clientId, and a config endpoint that tells the browser where to connect. The
 * browser never sees an API key. With `ABLY_API_KEY` set, the same endpoints work against Ably instead.
 *
 * @example
 * // vite.config.ts
 * import { localAbly } from '@presence-kit/local-ably/vite';
 * export default defineConfig({ plugins: [react(), localAbly()] });
 *
 * // in the browser (see `@presence-kit/local-ably/vite/client`)
 * const config = await fetchAblyConfig();
 * const realtime = new Ably.Realtime(ablyClientOptions(config, { clientId: 'ann', room: 'launch' }));
 */
export function localAbly(options: LocalAblyPluginOptions = {}): Plugin {
  const tokenPath = options.tokenPath ?? DEFAULT_TOKEN_PATH;
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const ttlMs = options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const capability = options.capability ?? (({ room }) => chatCapability({ room }));

  async function attach(host: ViteDevServer | PreviewServer): Promise<void> {
    const logger = host.config.logger;
    const backend = await startBackend(options, logger, tokenPath);
    const originalClose = host.close.bind(host);
    host.close = async () => {
      await Promise.all([originalClose(), backend.release()]);
    };
    host.httpServer?.once('close', () => void backend.release());
    host.middlewares.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
      const path = new URL(request.url ?? '/', 'http://vite.local').pathname;
      if (path === configPath) {
        sendJson(response, 200, backend.config);
        return;
      }
      if (path !== tokenPath) {
        next();
        return;
      }
      handleTokenRequest(request, response, { key: backend.key, ttlMs, capability }).catch((error: unknown) => {
        logger.error(`[local-ably] token endpoint failed: ${(error as Error).message}`);
        if (!response.headersSent) sendAblyError(response, 500, ErrorCode.Internal, 'Could not mint a token');
      });
    });
  }

  return {
    name: 'presence-kit:local-ably',
    configureServer: attach,
    configurePreviewServer: attach,
  };
}

interface Backend {
  config: AblyConnectionConfig;
  key: string;
  release(): Promise<void>;
}

async function startBackend(options: LocalAblyPluginOptions, logger: Logger, tokenPath: string): Promise<Backend> {
  const apiKey = options.ablyApiKey ?? process.env.ABLY_API_KEY;
  if (apiKey) {
    const keyName = API_KEY.exec(apiKey)?.[1];
    // Never echo the key: it is a secret and this lands in terminals and CI logs.
    if (!keyName)
      throw new TypeError('ABLY_API_KEY is not of the form appId.keyId:secret (copy it from your Ably app)');
    logger.info(
      `[local-ably] ABLY_API_KEY is set: local-ably is not started; ${tokenPath} signs JWTs for Ably with key ${keyName}`,
    );
    return { config: { mode: 'ably', tokenPath }, key: apiKey, release: async () => {} };
  }
  const lease = await acquireLocalAbly({ port: 0, ...options.server, host: '127.0.0.1' });
  const server = lease.server;
  logger.info(
    `[local-ably] ${server.url} (admin API ${server.url}/local-ably), tokens at ${tokenPath}. ` +
      'local-ably is for development and tests only; production apps use Ably (set ABLY_API_KEY).',
  );
  return {
    config: {
      mode: 'local-ably',
      tokenPath,
      realtime: { endpoint: server.host, port: server.port, tls: false },
      adminUrl: `${server.url}/local-ably`,
    },
    key: server.key,
    release: lease.release,
  };
}

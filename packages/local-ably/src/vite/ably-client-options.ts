import type { AblyConnectionConfig } from './connection-config.js';

/** Who is connecting, and (optionally) the one room the token should be limited to. */
export interface AblyClientOptionsInput {
  clientId: string;
  /** Sent to the token endpoint, which limits the token's capability to this room. */
  room?: string;
  /** Origin that serves the token endpoint. Default `location.origin` (required outside a browser). */
  origin?: string;
}

/** The subset of `ably` ClientOptions this helper sets; pass it to `new Ably.Realtime(...)`. */
export interface AblyTokenClientOptions {
  clientId: string;
  authUrl: string;
  authParams: Record<string, string>;
  endpoint?: string;
  port?: number;
  tls?: boolean;
  transports?: Array<'web_socket'>;
}

/**
 * Client options that get tokens from the app's token endpoint (never an API key) and reach local-ably on loopback,
 * or Ably with the SDK's defaults.
 *
 * @example
 * const realtime = new Ably.Realtime(ablyClientOptions(await fetchAblyConfig(), { clientId: 'ann', room: 'launch' }));
 * const chat = new ChatClient(realtime);
 */
export function ablyClientOptions(config: AblyConnectionConfig, input: AblyClientOptionsInput): AblyTokenClientOptions {
  const origin = input.origin ?? globalThis.location?.origin;
  const authUrl = origin ? new URL(config.tokenPath, origin).href : config.tokenPath;
  const authParams: Record<string, string> = { clientId: input.clientId };
  if (input.room !== undefined) authParams.room = input.room;
  const options: AblyTokenClientOptions = { clientId: input.clientId, authUrl, authParams };
  if (config.mode === 'local-ably') {
    // local-ably serves WebSocket only; offline, the SDK's HTTP fallback transport could never succeed.
    return { ...options, ...config.realtime, transports: ['web_socket'] };
  }
  return options;
}

import type { CapabilitySpec } from './auth/capability.js';
import { type AllowedOrigins, resolveAllowedOrigins } from './origin-guard.js';

/** The development key local-ably accepts when no `keys` are given. Not a secret: it only works against local-ably. */
export const DEV_KEY = 'local.dev:local-ably-development-secret';

export interface LocalAblyOptions {
  /** TCP port; `0` picks a free one (tests). Default `8081`. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`; local-ably is for loopback development. */
  host?: string;
  /** API keys accepted, as `keyName:secret`. Default `[DEV_KEY]`. */
  keys?: string[];
  /**
   * Capabilities of the configured keys, by key name (`appId.keyId`), e.g. `{ 'app.viewer': { 'lobby': ['subscribe'] } }`.
   * Keys not listed may do everything. Tokens issued from a key never get more than the key has.
   */
  keyCapabilities?: Record<string, CapabilitySpec>;
  /** How long an abruptly dropped connection's presence members stay before they leave. Default 15 000 ms, as Ably. */
  presenceLeaveDelayMs?: number;
  /** How long a dropped connection can still be resumed. Default 120 000 ms, as Ably. */
  connectionStateTtlMs?: number;
  /** `maxIdleInterval` told to clients. Default 15 000 ms. */
  maxIdleIntervalMs?: number;
  /** How often the server sends keep-alives (WebSocket pings or HEARTBEAT frames). Default 5 000 ms. */
  keepAliveIntervalMs?: number;
  /** Debounce for `[meta]occupancy` events after a change. Default 100 ms; `0` sends on the next tick. */
  occupancyDebounceMs?: number;
  /** Largest message (and frame) accepted, in bytes. Default 65 536, as Ably. */
  maxMessageSize?: number;
  /** Members per SYNC frame. Default 100. */
  syncPageSize?: number;
  /**
   * Presence events kept per channel for REST presence history (`GET /channels/:channel/presence/history`), oldest
   * dropped first. Default 1 000. `0` turns presence history off. History lives apart from channels, so it survives a
   * channel going idle (Ably keeps unpersisted presence history for about two minutes; local-ably keeps it by count).
   */
  presenceHistoryLimit?: number;
  /**
   * Channels whose presence history is kept; when another channel records an event, the channel written to least
   * recently is forgotten. Default 100, so history holds at most `presenceHistoryLimit × presenceHistoryChannels` events.
   */
  presenceHistoryChannels?: number;
  /**
   * Messages kept per channel, for `rewind` and the Chat REST API (history, get, update, delete, reactions).
   * Default 1 000. `0` keeps none.
   */
  messageHistoryLimit?: number;
  /** Channels whose messages are kept; the channel written to least recently is forgotten first. Default 100. */
  messageHistoryChannels?: number;
  /** Total bytes of kept messages across all channels; the stalest channel's oldest go first. Default 32 MiB. */
  messageHistoryBytes?: number;
  /**
   * Bytes a connection's socket may hold unsent (a client that stopped reading). Past it the connection is cut, as
   * a network failure would cut it (the SDK resumes once it reads again), with a log line. Default 8 MiB.
   */
  maxBufferedBytes?: number;
  /**
   * Extra time, beyond the `maxIdleInterval` clients are told, that a connection may stay silent (no frame, no pong)
   * before the server treats the peer as dead and drops it; its members then leave after `presenceLeaveDelayMs`.
   * Default 10 000 ms (the SDK's own realtimeRequestTimeout).
   */
  idleGraceMs?: number;
  /**
   * Browser pages, beyond those served from this machine, that may connect (WebSocket) and call the REST API: exact
   * origins such as `'https://app.example:8443'`, or `'*'` for every page. Default `[]`: a request whose `Origin` is not
   * a loopback page (`localhost`, `127.0.0.1`, `[::1]`, any port) is refused with 403, so no website the developer
   * visits can reach the server. Requests without an `Origin` (Node, curl) are always served. The admin API answers
   * loopback pages only, whatever this says.
   */
  allowedOrigins?: AllowedOrigins;
  /** Where to log. Default: silent. The CLI logs to the console. */
  logger?: Logger;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export type ResolvedOptions = Required<Omit<LocalAblyOptions, 'logger'>> & { logger: Logger };

const silent: Logger = { info() {}, warn() {} };

export function resolveOptions(options: LocalAblyOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 8081,
    host: options.host ?? '127.0.0.1',
    keys: options.keys && options.keys.length > 0 ? options.keys : [DEV_KEY],
    keyCapabilities: options.keyCapabilities ?? {},
    presenceLeaveDelayMs: options.presenceLeaveDelayMs ?? 15_000,
    connectionStateTtlMs: options.connectionStateTtlMs ?? 120_000,
    maxIdleIntervalMs: options.maxIdleIntervalMs ?? 15_000,
    keepAliveIntervalMs: options.keepAliveIntervalMs ?? 5_000,
    occupancyDebounceMs: options.occupancyDebounceMs ?? 100,
    maxMessageSize: options.maxMessageSize ?? 65_536,
    syncPageSize: options.syncPageSize ?? 100,
    presenceHistoryLimit: options.presenceHistoryLimit ?? 1_000,
    presenceHistoryChannels: options.presenceHistoryChannels ?? 100,
    messageHistoryLimit: options.messageHistoryLimit ?? 1_000,
    messageHistoryChannels: options.messageHistoryChannels ?? 100,
    messageHistoryBytes: options.messageHistoryBytes ?? 32 * 1024 * 1024,
    maxBufferedBytes: options.maxBufferedBytes ?? 8 * 1024 * 1024,
    idleGraceMs: options.idleGraceMs ?? 10_000,
    allowedOrigins: resolveAllowedOrigins(options.allowedOrigins),
    logger: options.logger ?? silent,
  };
  for (const key of [
    'presenceLeaveDelayMs',
    'connectionStateTtlMs',
    'keepAliveIntervalMs',
    'occupancyDebounceMs',
    'idleGraceMs',
  ] as const) {
    if (!Number.isFinite(resolved[key]) || resolved[key] < 0) {
      throw new TypeError(
        `local-ably: option "${key}" must be a non-negative number of milliseconds, got ${resolved[key]}`,
      );
    }
  }
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new TypeError(`local-ably: option "port" must be an integer from 0 to 65535, got ${resolved.port}`);
  }
  if (resolved.syncPageSize < 1) throw new TypeError('local-ably: option "syncPageSize" must be at least 1');
  for (const key of [
    'presenceHistoryLimit',
    'presenceHistoryChannels',
    'messageHistoryLimit',
    'messageHistoryChannels',
    'messageHistoryBytes',
  ] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 0) {
      throw new TypeError(`local-ably: option "${key}" must be a non-negative integer, got ${resolved[key]}`);
    }
  }
  if (!Number.isInteger(resolved.maxBufferedBytes) || resolved.maxBufferedBytes < 1024) {
    throw new TypeError(
      `local-ably: option "maxBufferedBytes" must be an integer of at least 1024 bytes, got ${resolved.maxBufferedBytes}`,
    );
  }
  return resolved;
}

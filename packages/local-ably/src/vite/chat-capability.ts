import type { CapabilitySpec } from '../auth/capability.js';

/** What a token from {@link chatCapability} may do. */
export interface ChatCapabilityOptions {
  /** The one room the token is for. Omit to cover every chat room (`[chat]*`). */
  room?: string;
  /**
   * Live occupancy events (`[meta]occupancy`, which `@presence-kit/react` rooms turn on by default) and REST room
   * occupancy need `channel-metadata` on the room. Default `true`; set `false` for a presence-only token.
   */
  occupancy?: boolean;
  /** Listing active rooms (`GET /channels`, a lobby) needs `channel-metadata` on `*`. Default `false`. */
  lobby?: boolean;
}

const PRESENCE_OPERATIONS = ['presence', 'subscribe'] as const;

/**
 * A least-privilege capability for presence in chat rooms: `presence` and `subscribe` on the room (no `publish`, no
 * `history`), `channel-metadata` only for occupancy and lobby queries that need it.
 *
 * @example
 * chatCapability({ room: 'launch' });
 * // { launch: ['channel-metadata', 'presence', 'subscribe'] }
 * chatCapability({ room: 'launch', occupancy: false, lobby: true });
 * // { launch: ['presence', 'subscribe'], '*': ['channel-metadata'] }
 */
export function chatCapability(options: ChatCapabilityOptions = {}): CapabilitySpec {
  const resource = options.room ?? '[chat]*';
  const operations: string[] = [...PRESENCE_OPERATIONS];
  if (options.occupancy ?? true) operations.unshift('channel-metadata');
  const spec: Record<string, readonly string[]> = { [resource]: operations };
  if (options.lobby) spec['*'] = ['channel-metadata'];
  return spec;
}

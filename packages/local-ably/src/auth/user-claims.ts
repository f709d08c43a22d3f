import { matchResource } from './capability.js';

const ROOM_PREFIX = 'ably.room.';
const CHANNEL_PREFIX = 'ably.channel.';
const CHAT_SUFFIX = '::$chat';

/** A JWT user claim: `ably.room.<room pattern>` or `ably.channel.<channel pattern>` → a string Ably passes on. */
export interface UserClaim {
  scope: 'room' | 'channel';
  pattern: string;
  value: string;
}

/** Reads the user claims from JWT claims. Values that are not strings are ignored, as they cannot be passed on as-is. */
export function readUserClaims(claims: Record<string, unknown>): UserClaim[] {
  const found: UserClaim[] = [];
  for (const [name, value] of Object.entries(claims)) {
    if (typeof value !== 'string') continue;
    if (name.startsWith(ROOM_PREFIX) && name.length > ROOM_PREFIX.length) {
      found.push({ scope: 'room', pattern: name.slice(ROOM_PREFIX.length), value });
    } else if (name.startsWith(CHANNEL_PREFIX) && name.length > CHANNEL_PREFIX.length) {
      found.push({ scope: 'channel', pattern: name.slice(CHANNEL_PREFIX.length), value });
    }
  }
  return found;
}

/**
 * The claim that applies to a channel. A chat room's channel (`room::$chat`) takes its room claim: the exact room
 * name first, then the most specific pattern (`ably.room.dms:*` before `ably.room.*`), with capability-style
 * matching. Any other channel (and a room without a room claim) takes an `ably.channel.<pattern>` claim likewise.
 */
export function userClaimFor(claims: readonly UserClaim[] | undefined, channel: string): string | undefined {
  if (!claims || claims.length === 0) return undefined;
  if (channel.endsWith(CHAT_SUFFIX)) {
    const room = mostSpecific(claims, 'room', channel.slice(0, -CHAT_SUFFIX.length));
    if (room !== undefined) return room;
  }
  return mostSpecific(claims, 'channel', channel);
}

function mostSpecific(claims: readonly UserClaim[], scope: UserClaim['scope'], name: string): string | undefined {
  let best: UserClaim | undefined;
  for (const claim of claims) {
    if (claim.scope !== scope) continue;
    if (claim.pattern === name) return claim.value;
    if (!matchResource(claim.pattern, name)) continue;
    if (!best || claim.pattern.length > best.pattern.length) best = claim;
  }
  return best?.value;
}

/**
 * Client extras with the server's claim applied: a client-sent `userClaim` is always dropped (only the token's
 * issuer may assert one), and the token's claim for the channel, if any, is set.
 */
export function withUserClaim(extras: unknown, claim: string | undefined): unknown {
  const isObject = extras !== null && typeof extras === 'object' && !Array.isArray(extras);
  if (!isObject) return claim === undefined ? extras : { userClaim: claim };
  const { userClaim: _dropped, ...rest } = extras as Record<string, unknown>;
  return claim === undefined ? rest : { ...rest, userClaim: claim };
}

import * as Ably from 'ably';
import { memberKey } from '../store/member-set.js';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';

/** One entry of a room's presence history: what a member did, and when (`updatedAt`). */
export interface PresenceHistoryEvent<TPresence = DefaultPresenceData> extends PresenceKitMember<TPresence> {
  /** `'enter'`, `'update'` or `'leave'` (`'present'`/`'absent'` only from unusual servers). */
  readonly action: Ably.PresenceAction;
  /** Ably's id of this presence message. */
  readonly id: string;
}

/**
 * Decodes raw presence messages from a REST body exactly as the SDK does (numeric actions to names, `encoding`
 * applied: base64, json, utf-8). `realtime.request()` and `batchPresence()` return bodies undecoded.
 */
export function decodePresenceMessages(raw: readonly unknown[]): Promise<Ably.PresenceMessage[]> {
  return Ably.Realtime.PresenceMessage.fromEncodedArray([...raw]);
}

/** A REST presence message as the same member type the live hooks return. `TPresence` is not checked at runtime. */
export function toPresenceKitMember<TPresence>(message: Ably.PresenceMessage): PresenceKitMember<TPresence> {
  const clientId = message.clientId ?? '';
  const connectionId = message.connectionId ?? '';
  const extras = (message.extras ?? undefined) as PresenceKitMember['extras'];
  const userClaim = (extras as { userClaim?: unknown } | undefined)?.userClaim;
  return {
    key: memberKey(clientId, connectionId),
    clientId,
    connectionId,
    data: message.data as TPresence | undefined,
    extras,
    updatedAt: new Date(message.timestamp ?? 0),
    userClaim: typeof userClaim === 'string' ? userClaim : undefined,
  };
}

/** A decoded REST history message as a history event: the member fields plus what happened. */
export function toPresenceHistoryEvent<TPresence>(message: Ably.PresenceMessage): PresenceHistoryEvent<TPresence> {
  return { ...toPresenceKitMember<TPresence>(message), action: message.action, id: message.id ?? '' };
}

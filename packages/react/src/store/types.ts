import type { JsonObject } from '@ably/chat';

/**
 * Register your app's presence data type once, for every hook:
 *
 * @example
 * declare module '@presence-kit/react' {
 *   interface Register {
 *     presence: { name: string; avatarUrl?: string; status?: 'online' | 'away' };
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by users through declaration merging.
export interface Register {}

/** The presence data type hooks use when not given one: the registered type, else any JSON object. */
export type DefaultPresenceData = Register extends { presence: infer TPresence } ? TPresence : JsonObject;

/**
 * One presence member: one connection of one client in a room. Frozen; the same object is returned until this
 * member's presence changes, so `===` tells whether it changed.
 */
export interface PresenceKitMember<TPresence = DefaultPresenceData> {
  /** `clientId:connectionId`, unique within a room. */
  readonly key: string;
  readonly clientId: string;
  readonly connectionId: string;
  /** The data passed to the member's last enter or update. */
  readonly data: TPresence | undefined;
  readonly extras: JsonObject | undefined;
  /** When the member's presence last changed (server time). */
  readonly updatedAt: Date;
  /** The user claim from the member's token, if any. */
  readonly userClaim: string | undefined;
}

/** One person (a `clientId`) with every connection (tab, device) they are present on. */
export interface Person<TPresence = DefaultPresenceData> {
  readonly clientId: string;
  /** At least one; in the order they entered. */
  readonly connections: readonly PresenceKitMember<TPresence>[];
  /** The connection whose presence changed most recently; use its `data` as the person's data. */
  readonly latest: PresenceKitMember<TPresence>;
}

/** All eight occupancy metrics Ably sends on `[meta]occupancy`. */
export interface OccupancyMetrics {
  readonly connections: number;
  readonly publishers: number;
  readonly subscribers: number;
  readonly presenceConnections: number;
  readonly presenceMembers: number;
  readonly presenceSubscribers: number;
  readonly objectPublishers: number;
  readonly objectSubscribers: number;
}

/** Presence event types, as `@ably/chat` and Ably name them. */
export type PresenceEventName = 'enter' | 'leave' | 'update' | 'present';

/** A presence event as the store forwards it to event listeners. */
export interface PresenceKitEvent<TPresence = DefaultPresenceData> {
  readonly type: PresenceEventName;
  readonly member: PresenceKitMember<TPresence>;
}

/** An immutable view of one room. Its reference, and each field's, changes only when that part changed. */
export interface RoomSnapshot<TPresence = DefaultPresenceData> {
  /** Every member (connection), in the order they entered. */
  readonly members: readonly PresenceKitMember<TPresence>[];
  /** Members grouped by clientId, in the order each person first entered. */
  readonly people: readonly Person<TPresence>[];
  /** `people` without this client's own clientId (every tab of mine is "me"). */
  readonly others: readonly Person<TPresence>[];
  /** Every member's `key`, in member order; a new array only when someone enters or leaves, not on updates. */
  readonly memberKeys: readonly string[];
  /** Every person's clientId, in people order; a new array only when a person arrives or goes. */
  readonly personIds: readonly string[];
  /** `personIds` without this client's clientId. */
  readonly otherPersonIds: readonly string[];
  readonly peopleByClientId: ReadonlyMap<string, Person<TPresence>>;
  /** This client's own members on its current connection (empty when not present). */
  readonly self: readonly PresenceKitMember<TPresence>[];
  readonly occupancy: OccupancyMetrics;
  /** `true` once the full member list has been read after attaching (before that, `members` may be incomplete). */
  readonly isSynced: boolean;
  /** `true` once occupancy came from the server (REST seed or an event). */
  readonly hasOccupancy: boolean;
}

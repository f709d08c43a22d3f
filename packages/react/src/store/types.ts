import type { JsonObject } from '@ably/chat';

/** The presence data type used when a hook is not given one: any JSON object, as `@ably/chat` accepts. */
export type DefaultPresenceData = JsonObject;

/**
 * One presence member: one connection of one client in a room. Frozen; the same object is returned until this
 * member's presence changes, so `===` tells whether it changed.
 */
export interface PresenceKitMember<TData = DefaultPresenceData> {
  /** `clientId:connectionId`, unique within a room. */
  readonly key: string;
  readonly clientId: string;
  readonly connectionId: string;
  /** The data passed to the member's last enter or update. */
  readonly data: TData | undefined;
  readonly extras: JsonObject | undefined;
  /** When the member's presence last changed (server time). */
  readonly updatedAt: Date;
  /** The user claim from the member's token, if any. */
  readonly userClaim: string | undefined;
}

/** One person (a `clientId`) with every connection (tab, device) they are present on. */
export interface Person<TData = DefaultPresenceData> {
  readonly clientId: string;
  /** At least one; in the order they entered. */
  readonly connections: readonly PresenceKitMember<TData>[];
  /** The connection whose presence changed most recently; use its `data` as the person's data. */
  readonly latest: PresenceKitMember<TData>;
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
export interface PresenceKitEvent<TData = DefaultPresenceData> {
  readonly type: PresenceEventName;
  readonly member: PresenceKitMember<TData>;
}

/** An immutable view of one room. Its reference, and each field's, changes only when that part changed. */
export interface RoomSnapshot<TData = DefaultPresenceData> {
  /** Every member (connection), in the order they entered. */
  readonly members: readonly PresenceKitMember<TData>[];
  /** Members grouped by clientId, in the order each person first entered. */
  readonly people: readonly Person<TData>[];
  readonly peopleByClientId: ReadonlyMap<string, Person<TData>>;
  /** This client's own members on its current connection (empty when not present). */
  readonly self: readonly PresenceKitMember<TData>[];
  readonly occupancy: OccupancyMetrics;
  /** `true` once the full member list has been read after attaching (before that, `members` may be incomplete). */
  readonly isSynced: boolean;
  /** `true` once occupancy came from the server (REST seed or an event). */
  readonly hasOccupancy: boolean;
}

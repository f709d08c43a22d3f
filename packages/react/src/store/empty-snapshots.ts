import type { LiveSnapshot } from './room-store-core.js';
import type { OccupancyMetrics, Person, PresenceKitMember, RoomSnapshot } from './types.js';

/** Zero for every metric: the occupancy before the server has said anything. */
export const EMPTY_OCCUPANCY: OccupancyMetrics = Object.freeze({
  connections: 0,
  publishers: 0,
  subscribers: 0,
  presenceConnections: 0,
  presenceMembers: 0,
  presenceSubscribers: 0,
  objectPublishers: 0,
  objectSubscribers: 0,
});

export const EMPTY_MEMBERS: readonly PresenceKitMember<never>[] = Object.freeze([]);
export const EMPTY_PEOPLE: readonly Person<never>[] = /* @__PURE__ */ Object.freeze([]);
export const EMPTY_IDS: readonly string[] = /* @__PURE__ */ Object.freeze([]);
const EMPTY_PEOPLE_MAP: ReadonlyMap<string, Person<never>> = new Map();

// `@__PURE__` lets bundlers drop the frozen values an app does not read (a call to `Object.freeze` could have effects).

/**
 * The live snapshot of a room nobody has connected to. Module-level and frozen, so server rendering and the first
 * hydration render read exactly the same references, and `useSyncExternalStore` never sees a "new" server snapshot.
 * The core hooks read only this one; the per-person views below cost an app bytes only when it uses a people hook.
 */
export const EMPTY_LIVE_SNAPSHOT: LiveSnapshot = Object.freeze({
  members: EMPTY_MEMBERS,
  self: EMPTY_MEMBERS,
  occupancy: EMPTY_OCCUPANCY,
  isSynced: false,
  hasOccupancy: false,
});

/** {@link EMPTY_LIVE_SNAPSHOT}'s values with the per-person views (spelled out: a spread would keep it in every bundle): what the people hooks read before anyone connected. */
export const EMPTY_ROOM_SNAPSHOT: RoomSnapshot<never> = /* @__PURE__ */ Object.freeze({
  members: EMPTY_MEMBERS,
  people: EMPTY_PEOPLE,
  others: EMPTY_PEOPLE,
  memberKeys: EMPTY_IDS,
  personIds: EMPTY_IDS,
  otherPersonIds: EMPTY_IDS,
  peopleByClientId: EMPTY_PEOPLE_MAP,
  self: EMPTY_MEMBERS,
  occupancy: EMPTY_OCCUPANCY,
  isSynced: false,
  hasOccupancy: false,
});

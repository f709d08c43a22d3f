/**
 * Query-key factories for every presence-kit query. Keys are hierarchical, so a prefix invalidates everything below it:
 * `presenceKeys.room('lobby')` covers that room's members, "is present" checks and history;
 * `presenceKitKeys.all` covers every presence-kit query.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: presenceKeys.room('lobby') });
 * queryClient.getQueryData(occupancyKeys.counts('lobby'));
 */
export const presenceKitKeys = {
  all: ['presence-kit'] as const,
};

const PRESENCE = [...presenceKitKeys.all, 'presence'] as const;
const OCCUPANCY = [...presenceKitKeys.all, 'occupancy'] as const;
const ROOMS = [...presenceKitKeys.all, 'rooms'] as const;
const presenceRoom = (room: string) => [...PRESENCE, room] as const;
const occupancyRoom = (room: string) => [...OCCUPANCY, room] as const;

/** Filters of a REST presence get. */
export interface PresenceMembersFilter {
  /** Only this client's connections. */
  clientId?: string;
  /** Only this connection. */
  connectionId?: string;
}

/** Parameters of a presence history query (see `usePresenceHistoryQuery`). */
export interface PresenceHistoryParams {
  /** `'backwards'` (newest first, the default) or `'forwards'`. */
  direction?: 'backwards' | 'forwards';
  /** Events per page, 1–1000 (server default 100). */
  limit?: number;
  /** Earliest event time, ms since the epoch (inclusive). */
  start?: number;
  /** Latest event time, ms since the epoch (inclusive). */
  end?: number;
}

/** Parameters of an active-rooms query (see `useActiveRoomsQuery`). */
export interface ActiveRoomsParams {
  /** Only rooms whose names start with this. */
  prefix?: string;
  /** Channels per page, 1–1000 (server default 100). */
  limit?: number;
}

/**
 * Keys of presence queries: `['presence-kit', 'presence', room, …]`.
 *
 * @example
 * presenceKeys.members('lobby', { clientId: 'alice' }); // ['presence-kit', 'presence', 'lobby', 'members', { clientId: 'alice' }]
 */
export const presenceKeys = {
  all: PRESENCE,
  /** Everything about one room's presence. */
  room: presenceRoom,
  /** A REST presence get, optionally filtered; "is user present" reads the `{ clientId }` form. */
  members: (room: string, filter: PresenceMembersFilter = {}) =>
    [
      ...presenceRoom(room),
      'members',
      defined({ clientId: filter.clientId, connectionId: filter.connectionId }),
    ] as const,
  /** Presence history with its parameters (pages live inside the one infinite query). */
  history: (room: string, params: PresenceHistoryParams = {}) =>
    [
      ...presenceRoom(room),
      'history',
      defined({ direction: params.direction, limit: params.limit, start: params.start, end: params.end }),
    ] as const,
  /**
   * Batch presence over several rooms. The rooms sit in an object, so they cannot collide with a room's own key;
   * they are sorted and de-duplicated, so `['a', 'b']` and `['b', 'a', 'a']` share one cache entry.
   */
  batch: (rooms: readonly string[]) => [...PRESENCE, { rooms: [...new Set(rooms)].sort() }] as const,
};

/**
 * Keys of occupancy queries: `['presence-kit', 'occupancy', room, …]`.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: occupancyKeys.room('lobby') }); // counts and metrics
 */
export const occupancyKeys = {
  all: OCCUPANCY,
  room: occupancyRoom,
  /** `{ connections, presenceMembers }` from the chat occupancy endpoint. */
  counts: (room: string) => [...occupancyRoom(room), 'counts'] as const,
  /** All eight metrics from the room channel's status. */
  metrics: (room: string) => [...occupancyRoom(room), 'metrics'] as const,
};

/**
 * Keys of room enumeration queries: `['presence-kit', 'rooms', …]`.
 *
 * @example
 * roomsKeys.active({ prefix: 'support-' }); // ['presence-kit', 'rooms', 'active', { prefix: 'support-' }]
 */
export const roomsKeys = {
  all: ROOMS,
  active: (params: ActiveRoomsParams = {}) =>
    [...ROOMS, 'active', defined({ prefix: params.prefix, limit: params.limit })] as const,
};

/** Drops undefined fields so equal parameters always produce deep-equal keys. */
function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}

import { queryOptions } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { asRecord, count } from './parse-body.js';
import { occupancyKeys } from './query-keys.js';
import { type RestClientSource, restGet } from './rest-request.js';
import { requireNonEmptyString } from './validate.js';

/** Chat's occupancy endpoint speaks API version 4 (the version `@ably/chat` 1.4 sends). */
const CHAT_API_VERSION = 4;

/** A room's occupancy as `room.occupancy.get()` reports it. */
export interface OccupancyCounts {
  /** Connections attached to the room (one person with two tabs is two). */
  readonly connections: number;
  /** Presence members in the room. */
  readonly presenceMembers: number;
}

/**
 * Query options for a room's occupancy counts, fetched from the chat REST endpoint `room.occupancy.get()` uses
 * (`GET /chat/v4/rooms/:room/occupancy`). No room attachment is needed.
 *
 * @example
 * const counts = await queryClient.fetchQuery(occupancyQueryOptions(chatClient, 'lobby'));
 */
export function occupancyQueryOptions(source: RestClientSource, room: string) {
  return buildOccupancyQuery(source, room, 'occupancyQueryOptions');
}

/** {@link occupancyQueryOptions} with the caller's name in validation errors (hooks pass their own). */
export function buildOccupancyQuery(source: RestClientSource, room: string, where: string) {
  requireNonEmptyString(where, 'room', room);
  return queryOptions<OccupancyCounts, Ably.ErrorInfo, OccupancyCounts, ReturnType<typeof occupancyKeys.counts>>({
    queryKey: occupancyKeys.counts(room),
    queryFn: async () => {
      const response = await restGet(
        source,
        `/chat/v4/rooms/${encodeURIComponent(room)}/occupancy`,
        {},
        CHAT_API_VERSION,
      );
      const body = asRecord(response.items[0]);
      return { connections: count(body.connections), presenceMembers: count(body.presenceMembers) };
    },
  });
}

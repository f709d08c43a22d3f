import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { type ChannelOccupancy, toChannelOccupancy } from './channel-occupancy-query.js';
import { asRecord } from './parse-body.js';
import { type ActiveRoomsParams, roomsKeys } from './query-keys.js';
import { nextPageParams, type RestClientSource, type RestParams, restGet } from './rest-request.js';
import { roomNameFromChannel } from './room-channel.js';
import { optionalIntegerInRange, optionalNonEmptyString } from './validate.js';

/** An active chat room and its occupancy (the same shape `useChannelOccupancyQuery` returns for one room). */
export type ActiveRoom = ChannelOccupancy;

/** One page of active rooms. Non-chat channels on the page are skipped, so a page may hold fewer than `limit`. */
export interface ActiveRoomsPage {
  readonly rooms: ActiveRoom[];
  /** Query parameters of the next page, or `null` on the last page. */
  readonly nextCursor: RestParams | null;
}

/** The page parameter of an active-rooms query: `null` for the first page, then the server's cursor. */
export type ActiveRoomsPageParam = RestParams | null;

/**
 * Infinite-query options for the chat rooms that are active now, by name prefix, with their occupancy: channel
 * enumeration (`GET /channels?prefix=&by=value`) keeping only `::$chat` channels. Needs `channel-metadata` capability.
 *
 * @example
 * const pages = await queryClient.fetchInfiniteQuery(activeRoomsQueryOptions(chatClient, { prefix: 'support-' }));
 */
export function activeRoomsQueryOptions(source: RestClientSource, params: ActiveRoomsParams = {}) {
  return buildActiveRoomsQuery(source, params, 'activeRoomsQueryOptions');
}

/** {@link activeRoomsQueryOptions} with the caller's name in validation errors (hooks pass their own). */
export function buildActiveRoomsQuery(source: RestClientSource, params: ActiveRoomsParams, where: string) {
  const prefix = optionalNonEmptyString(where, 'prefix', params.prefix);
  const limit = optionalIntegerInRange(where, 'limit', params.limit, 1, 1000);
  const first: Record<string, string> = { by: 'value' };
  if (prefix !== undefined) first.prefix = prefix;
  if (limit !== undefined) first.limit = String(limit);

  return infiniteQueryOptions<
    ActiveRoomsPage,
    Ably.ErrorInfo,
    InfiniteData<ActiveRoomsPage, ActiveRoomsPageParam>,
    ReturnType<typeof roomsKeys.active>,
    ActiveRoomsPageParam
  >({
    queryKey: roomsKeys.active({ prefix, limit }),
    initialPageParam: null,
    queryFn: async ({ pageParam }) => {
      const response = await restGet(source, '/channels', pageParam ?? first);
      const rooms: ActiveRoom[] = [];
      for (const item of response.items) {
        const details = asRecord(item);
        const channel = typeof details.channelId === 'string' ? details.channelId : details.name;
        const room = typeof channel === 'string' ? roomNameFromChannel(channel) : null;
        if (room !== null) rooms.push(toChannelOccupancy(room, details));
      }
      return { rooms, nextCursor: nextPageParams(response) };
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

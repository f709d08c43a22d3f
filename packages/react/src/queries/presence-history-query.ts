import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query';
import type * as Ably from 'ably';
import type { DefaultPresenceData } from '../store/types.js';
import { decodePresenceMessages, type PresenceHistoryEvent, toPresenceHistoryEvent } from './presence-member.js';
import { type PresenceHistoryParams, presenceKeys } from './query-keys.js';
import { channelPath, nextPageParams, type RestClientSource, type RestParams, restGet } from './rest-request.js';
import { roomChannelName } from './room-channel.js';
import {
  invalidArgument,
  optionalIntegerInRange,
  optionalOneOf,
  optionalTimestamp,
  requireNonEmptyString,
} from './validate.js';

/** One page of presence history. */
export interface PresenceHistoryPage<TPresence = DefaultPresenceData> {
  readonly events: PresenceHistoryEvent<TPresence>[];
  /** Query parameters of the next page (from the response's `Link`), or `null` on the last page. */
  readonly nextCursor: RestParams | null;
}

/** The page parameter of a presence history query: `null` for the first page, then the server's cursor. */
export type PresenceHistoryPageParam = RestParams | null;

/**
 * Infinite-query options for a room's presence history (`GET /channels/<room>::$chat/presence/history`), one page per
 * REST page. `hasNextPage` follows the server's `next` link, and each cursor is plain data that survives refetches.
 *
 * @example
 * const history = await queryClient.fetchInfiniteQuery(presenceHistoryQueryOptions(chatClient, 'lobby', { limit: 50 }));
 */
export function presenceHistoryQueryOptions<TPresence = DefaultPresenceData>(
  source: RestClientSource,
  room: string,
  params: PresenceHistoryParams = {},
) {
  return buildPresenceHistoryQuery<TPresence>(source, room, params, 'presenceHistoryQueryOptions');
}

/** {@link presenceHistoryQueryOptions} with the caller's name in validation errors (hooks pass their own). */
export function buildPresenceHistoryQuery<TPresence = DefaultPresenceData>(
  source: RestClientSource,
  room: string,
  params: PresenceHistoryParams,
  where: string,
) {
  requireNonEmptyString(where, 'room', room);
  const direction = optionalOneOf(where, 'direction', params.direction, ['backwards', 'forwards'] as const);
  const limit = optionalIntegerInRange(where, 'limit', params.limit, 1, 1000);
  const start = optionalTimestamp(where, 'start', params.start);
  const end = optionalTimestamp(where, 'end', params.end);
  if (start !== undefined && end !== undefined && start > end) {
    invalidArgument(where, `start (${start}) must not be after end (${end}).`);
  }
  const first: Record<string, string> = {};
  if (direction) first.direction = direction;
  if (limit !== undefined) first.limit = String(limit);
  if (start !== undefined) first.start = String(start);
  if (end !== undefined) first.end = String(end);

  return infiniteQueryOptions<
    PresenceHistoryPage<TPresence>,
    Ably.ErrorInfo,
    InfiniteData<PresenceHistoryPage<TPresence>, PresenceHistoryPageParam>,
    ReturnType<typeof presenceKeys.history>,
    PresenceHistoryPageParam
  >({
    queryKey: presenceKeys.history(room, { direction, limit, start, end }),
    initialPageParam: null,
    queryFn: async ({ pageParam }) => {
      const response = await restGet(
        source,
        channelPath(roomChannelName(room), '/presence/history'),
        pageParam ?? first,
      );
      const messages = await decodePresenceMessages(response.items);
      return {
        events: messages.map((m) => toPresenceHistoryEvent<TPresence>(m)),
        nextCursor: nextPageParams(response),
      };
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

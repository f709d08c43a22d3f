import { queryOptions } from '@tanstack/react-query';
import type * as Ably from 'ably';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';
import { decodePresenceMessages, toPresenceKitMember } from './presence-member.js';
import { type PresenceMembersFilter, presenceKeys } from './query-keys.js';
import { channelPath, nextPageParams, type RestClientSource, type RestParams, restGet } from './rest-request.js';
import { roomChannelName } from './room-channel.js';
import { optionalNonEmptyString, requireNonEmptyString } from './validate.js';

/** Ably's largest page for presence get; fewer round trips for big rooms. */
const PRESENCE_PAGE_LIMIT = '1000';

/**
 * Query options for a room's current presence members over REST (`GET /channels/<room>::$chat/presence`), every
 * page followed, data decoded as the SDK decodes it. Needs no attachment, so it works for rooms you are not in.
 *
 * @example
 * const members = await queryClient.fetchQuery(presenceQueryOptions<{ status: string }>(chatClient, 'lobby'));
 */
export function presenceQueryOptions<TPresence = DefaultPresenceData>(
  source: RestClientSource,
  room: string,
  filter: PresenceMembersFilter = {},
) {
  return buildPresenceQuery<TPresence>(source, room, filter, 'presenceQueryOptions');
}

/** {@link presenceQueryOptions} with the caller's name in validation errors (hooks pass their own). */
export function buildPresenceQuery<TPresence = DefaultPresenceData>(
  source: RestClientSource,
  room: string,
  filter: PresenceMembersFilter,
  where: string,
) {
  requireNonEmptyString(where, 'room', room);
  const clientId = optionalNonEmptyString(where, 'clientId', filter.clientId);
  const connectionId = optionalNonEmptyString(where, 'connectionId', filter.connectionId);
  return queryOptions<
    PresenceKitMember<TPresence>[],
    Ably.ErrorInfo,
    PresenceKitMember<TPresence>[],
    ReturnType<typeof presenceKeys.members>
  >({
    queryKey: presenceKeys.members(room, { clientId, connectionId }),
    queryFn: async () => {
      const path = channelPath(roomChannelName(room), '/presence');
      const first: Record<string, string> = { limit: PRESENCE_PAGE_LIMIT };
      if (clientId) first.clientId = clientId;
      if (connectionId) first.connectionId = connectionId;
      const members: PresenceKitMember<TPresence>[] = [];
      let params: RestParams | null = first;
      while (params) {
        const response = await restGet(source, path, params);
        for (const message of await decodePresenceMessages(response.items)) {
          members.push(toPresenceKitMember<TPresence>(message));
        }
        params = nextPageParams(response);
      }
      return members;
    },
  });
}

import { queryOptions } from '@tanstack/react-query';
import * as Ably from 'ably';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';
import { asRecord, count } from './parse-body.js';
import { decodePresenceMessages, toPresenceKitMember } from './presence-member.js';
import { presenceKeys } from './query-keys.js';
import { type RestClientSource, requester } from './rest-request.js';
import { roomChannelName, roomNameFromChannel } from './room-channel.js';
import { invalidArgument, requireNonEmptyString } from './validate.js';

/** Ably answers batch presence for at most 100 channels per request. */
export const MAX_BATCH_PRESENCE_ROOMS = 100;

/** One room's outcome in a batch presence query: its members, or why they could not be read. */
export type BatchPresenceRoomResult<TPresence = DefaultPresenceData> =
  | { readonly status: 'success'; readonly members: PresenceKitMember<TPresence>[] }
  | { readonly status: 'error'; readonly error: Ably.ErrorInfo };

/** Batch presence results by room name; a room that failed (e.g. 40160, no capability) does not fail the others. */
export type BatchPresenceResult<TPresence = DefaultPresenceData> = Readonly<
  Record<string, BatchPresenceRoomResult<TPresence>>
>;

/**
 * Query options for the presence of many rooms in one request (`realtime.batchPresence`, `GET /presence?channels=`).
 * Each room gets its own success or error; only a failure of the whole request (e.g. bad credentials) fails the query.
 *
 * @example
 * const byRoom = await queryClient.fetchQuery(batchPresenceQueryOptions(chatClient, ['lobby', 'support']));
 * if (byRoom.lobby?.status === 'success') console.log(byRoom.lobby.members.length);
 */
export function batchPresenceQueryOptions<TPresence = DefaultPresenceData>(
  source: RestClientSource,
  rooms: readonly string[],
) {
  return buildBatchPresenceQuery<TPresence>(source, rooms, 'batchPresenceQueryOptions');
}

/** {@link batchPresenceQueryOptions} with the caller's name in validation errors (hooks pass their own). */
export function buildBatchPresenceQuery<TPresence = DefaultPresenceData>(
  source: RestClientSource,
  rooms: readonly string[],
  where: string,
) {
  if (!Array.isArray(rooms) || rooms.length === 0) {
    invalidArgument(where, 'rooms must be a non-empty array of room names.');
  }
  for (const room of rooms) {
    requireNonEmptyString(where, 'each room', room);
    // The SDK joins channel names with commas and offers no other separator.
    if (room.includes(','))
      invalidArgument(where, `room "${room}" contains a comma, which batch presence cannot send.`);
  }
  const queryKey = presenceKeys.batch(rooms);
  const [, , { rooms: unique }] = queryKey;
  if (unique.length > MAX_BATCH_PRESENCE_ROOMS) {
    invalidArgument(
      where,
      `at most ${MAX_BATCH_PRESENCE_ROOMS} rooms per query, got ${unique.length}; split the list.`,
    );
  }
  return queryOptions<BatchPresenceResult<TPresence>, Ably.ErrorInfo, BatchPresenceResult<TPresence>, typeof queryKey>({
    queryKey,
    queryFn: async () => {
      const raw: unknown = await requester(source).batchPresence(unique.map(roomChannelName));
      return toBatchPresenceResult<TPresence>(unique, raw);
    },
  });
}

/**
 * Maps the batch body (`{ successCount, failureCount, results: [{ channel, presence } | { channel, error }] }`; the SDK
 * returns it as-is despite typing it as an array) to one result per requested room. A room missing from the
 * response is reported as an error rather than silently absent.
 */
async function toBatchPresenceResult<TPresence>(
  rooms: readonly string[],
  raw: unknown,
): Promise<BatchPresenceResult<TPresence>> {
  const body = asRecord(Array.isArray(raw) ? raw[0] : raw);
  const results = Array.isArray(body.results) ? body.results : [];
  const byRoom: Record<string, BatchPresenceRoomResult<TPresence>> = {};
  for (const entry of results) {
    const result = asRecord(entry);
    const room = typeof result.channel === 'string' ? roomNameFromChannel(result.channel) : null;
    if (room === null) continue;
    if (result.error !== undefined) {
      const error = asRecord(result.error);
      byRoom[room] = {
        status: 'error',
        error: new Ably.ErrorInfo(
          typeof error.message === 'string' ? error.message : `Presence of room "${room}" could not be read`,
          count(error.code),
          count(error.statusCode),
        ),
      };
    } else {
      const messages = await decodePresenceMessages(Array.isArray(result.presence) ? result.presence : []);
      byRoom[room] = { status: 'success', members: messages.map((m) => toPresenceKitMember<TPresence>(m)) };
    }
  }
  for (const room of rooms) {
    byRoom[room] ??= {
      status: 'error',
      error: new Ably.ErrorInfo(`The batch presence response had no result for room "${room}"`, 50000, 500),
    };
  }
  return byRoom;
}

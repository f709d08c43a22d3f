import { queryOptions } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { EMPTY_OCCUPANCY } from '../store/empty-snapshots.js';
import { parseOccupancyMetrics } from '../store/occupancy-metrics.js';
import type { OccupancyMetrics } from '../store/types.js';
import { asRecord } from './parse-body.js';
import { occupancyKeys } from './query-keys.js';
import { channelPath, type RestClientSource, restGet } from './rest-request.js';
import { roomChannelName } from './room-channel.js';
import { requireNonEmptyString } from './validate.js';

/** A room channel's status: whether it is active, and all its occupancy metrics. */
export interface ChannelOccupancy {
  readonly room: string;
  /** False when nothing is attached to the room (all metrics 0). */
  readonly isActive: boolean;
  /** All eight metrics (connections, publishers, subscribers, presence and object counts). */
  readonly metrics: OccupancyMetrics;
}

/**
 * Query options for all eight occupancy metrics of a room, from its channel's status
 * (`GET /channels/<room>::$chat`, what `channel.status()` calls), without attaching or creating a channel object.
 *
 * @example
 * const { metrics } = await queryClient.fetchQuery(channelOccupancyQueryOptions(chatClient, 'lobby'));
 */
export function channelOccupancyQueryOptions(source: RestClientSource, room: string) {
  return buildChannelOccupancyQuery(source, room, 'channelOccupancyQueryOptions');
}

/** {@link channelOccupancyQueryOptions} with the caller's name in validation errors (hooks pass their own). */
export function buildChannelOccupancyQuery(source: RestClientSource, room: string, where: string) {
  requireNonEmptyString(where, 'room', room);
  return queryOptions<ChannelOccupancy, Ably.ErrorInfo, ChannelOccupancy, ReturnType<typeof occupancyKeys.metrics>>({
    queryKey: occupancyKeys.metrics(room),
    queryFn: async () => {
      const response = await restGet(source, channelPath(roomChannelName(room)), {});
      return toChannelOccupancy(room, response.items[0]);
    },
  });
}

/** Reads a ChannelDetails body (`{ channelId, status: { isActive, occupancy: { metrics } } }`). */
export function toChannelOccupancy(room: string, details: unknown): ChannelOccupancy {
  const status = asRecord(asRecord(details).status);
  return {
    room,
    isActive: status.isActive === true,
    metrics: parseOccupancyMetrics(status.occupancy) ?? EMPTY_OCCUPANCY,
  };
}

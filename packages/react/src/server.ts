// @presence-kit/react/server: server-safe (no 'use client', no React): query-key factories and query-option
// builders that read through `Ably.Rest`, `Ably.Realtime` or a `ChatClient`, for prefetching and invalidation.

export { PresenceKitError, PresenceKitErrorCode, type PresenceKitErrorCodeValue } from './errors.js';
export {
  type ActiveRoom,
  type ActiveRoomsPage,
  type ActiveRoomsPageParam,
  activeRoomsQueryOptions,
} from './queries/active-rooms-query.js';
export {
  type BatchPresenceResult,
  type BatchPresenceRoomResult,
  batchPresenceQueryOptions,
  MAX_BATCH_PRESENCE_ROOMS,
} from './queries/batch-presence-query.js';
export { type ChannelOccupancy, channelOccupancyQueryOptions } from './queries/channel-occupancy-query.js';
export { type OccupancyCounts, occupancyQueryOptions } from './queries/occupancy-query.js';
export {
  type PresenceHistoryPage,
  type PresenceHistoryPageParam,
  presenceHistoryQueryOptions,
} from './queries/presence-history-query.js';
export type { PresenceHistoryEvent } from './queries/presence-member.js';
export { presenceQueryOptions } from './queries/presence-query.js';
export {
  type ActiveRoomsParams,
  occupancyKeys,
  type PresenceHistoryParams,
  type PresenceMembersFilter,
  presenceKeys,
  presenceKitKeys,
  roomsKeys,
} from './queries/query-keys.js';
export type { RestClientSource, RestParams } from './queries/rest-request.js';

// @presence-kit/react: the public API. Explicit exports only, so the surface is reviewed, not accidental.

export type { PresenceKitErrorCodeValue } from './errors.js';
export { PresenceKitError, PresenceKitErrorCode } from './errors.js';
export {
  type UseActiveRoomsQueryOptions,
  type UseActiveRoomsQueryResult,
  useActiveRoomsQuery,
} from './hooks/use-active-rooms-query.js';
export {
  type UseBatchPresenceQueryOptions,
  type UseBatchPresenceQueryResult,
  useBatchPresenceQuery,
} from './hooks/use-batch-presence-query.js';
export {
  type UseChannelOccupancyQueryOptions,
  type UseChannelOccupancyQueryResult,
  useChannelOccupancyQuery,
} from './hooks/use-channel-occupancy-query.js';
export { useConnectionErrorListener } from './hooks/use-connection-error-listener.js';
export { useConnectionStatus } from './hooks/use-connection-status.js';
export { type UseIsPresentOptions, useIsPresent } from './hooks/use-is-present.js';
export {
  type UseIsUserPresentQueryOptions,
  type UseIsUserPresentQueryResult,
  useIsUserPresentQuery,
} from './hooks/use-is-user-present-query.js';
export {
  OCCUPANCY_POLL_INTERVAL_MS,
  type UseOccupancyOptions,
  useOccupancy,
} from './hooks/use-occupancy.js';
export {
  type UseOccupancyQueryOptions,
  type UseOccupancyQueryResult,
  useOccupancyQuery,
} from './hooks/use-occupancy-query.js';
export { type UsePeopleOptions, usePeople } from './hooks/use-people.js';
export { type UsePresenceOptions, type UsePresenceResult, usePresence } from './hooks/use-presence.js';
export { type UsePresenceEventsOptions, usePresenceEvents } from './hooks/use-presence-events.js';
export {
  type UsePresenceHistoryQueryOptions,
  type UsePresenceHistoryQueryResult,
  usePresenceHistoryQuery,
} from './hooks/use-presence-history-query.js';
export { type UsePresenceListenerOptions, usePresenceListener } from './hooks/use-presence-listener.js';
export { type UsePresenceMemberOptions, usePresenceMember } from './hooks/use-presence-member.js';
export {
  type UsePresenceQueryOptions,
  type UsePresenceQueryResult,
  usePresenceQuery,
} from './hooks/use-presence-query.js';
export { type UseRoomErrorListenerOptions, useRoomErrorListener } from './hooks/use-room-error-listener.js';
export { type UseRoomStatusOptions, useRoomStatus } from './hooks/use-room-status.js';
export { type UseSelfOptions, useSelf } from './hooks/use-self.js';
export type { RoomHookOptions } from './internal/use-room-entry.js';
export { PresenceKitProvider, type PresenceKitProviderProps } from './provider/presence-kit-provider.js';
export { PresenceRoom, type PresenceRoomProps } from './provider/presence-room.js';
export { DEFAULT_ROOM_OPTIONS, type RoomErrorEvent } from './provider/room-entry.js';
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
export { EMPTY_OCCUPANCY, EMPTY_ROOM_SNAPSHOT } from './store/empty-snapshots.js';
export {
  animationFrameScheduler,
  createManualFrameScheduler,
  type FrameScheduler,
  type ManualFrameScheduler,
} from './store/frame-scheduler.js';
export { RoomStore, type RoomStoreOptions } from './store/room-store.js';
export { shallow } from './store/shallow.js';
export type {
  DefaultPresenceData,
  OccupancyMetrics,
  Person,
  PresenceEventName,
  PresenceKitEvent,
  PresenceKitMember,
  RoomSnapshot,
} from './store/types.js';

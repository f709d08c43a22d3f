// @presence-kit/react/query: one-off REST reads as TanStack Query hooks (react-query is an optional peer, needed
// only by this entry). Every hook takes one options object; '' or skipToken inputs make a query wait.

export {
  type UseActiveRoomsQueryOptions,
  type UseActiveRoomsQueryResult,
  useActiveRoomsQuery,
} from './query-hooks/use-active-rooms-query.js';
export {
  type UseBatchPresenceQueryOptions,
  type UseBatchPresenceQueryResult,
  useBatchPresenceQuery,
} from './query-hooks/use-batch-presence-query.js';
export {
  type UseChannelOccupancyQueryOptions,
  type UseChannelOccupancyQueryResult,
  useChannelOccupancyQuery,
} from './query-hooks/use-channel-occupancy-query.js';
export {
  type UseIsUserPresentQueryOptions,
  type UseIsUserPresentQueryResult,
  useIsUserPresentQuery,
} from './query-hooks/use-is-user-present-query.js';
export {
  type UseOccupancyQueryOptions,
  type UseOccupancyQueryResult,
  useOccupancyQuery,
} from './query-hooks/use-occupancy-query.js';
export {
  type UsePresenceHistoryQueryOptions,
  type UsePresenceHistoryQueryResult,
  usePresenceHistoryQuery,
} from './query-hooks/use-presence-history-query.js';
export {
  type UsePresenceQueryOptions,
  type UsePresenceQueryResult,
  usePresenceQuery,
} from './query-hooks/use-presence-query.js';
export * from './server.js';

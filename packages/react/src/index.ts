// @presence-kit/react: the provider and the live hooks. No react-query here: the query hooks live in
// '@presence-kit/react/query', server-safe key factories and option builders in '@presence-kit/react/server', and
// the store and test schedulers in '@presence-kit/react/testing'. Explicit exports only, so the surface is reviewed.

export { PresenceKitError, PresenceKitErrorCode, type PresenceKitErrorCodeValue } from './errors.js';
export {
  type UseConnectionErrorListenerOptions,
  useConnectionErrorListener,
} from './hooks/use-connection-error-listener.js';
export { type UseConnectionStatusResult, useConnectionStatus } from './hooks/use-connection-status.js';
export { type UseIsPresentOptions, useIsPresent } from './hooks/use-is-present.js';
export { type UseMemberOptions, useMember } from './hooks/use-member.js';
export { type UseMemberKeysOptions, useMemberKeys } from './hooks/use-member-keys.js';
export { type UseOccupancyOptions, useOccupancy } from './hooks/use-occupancy.js';
export { type UseOthersOptions, useOthers } from './hooks/use-others.js';
export { type UsePeopleOptions, usePeople } from './hooks/use-people.js';
export { type UsePersonOptions, usePerson } from './hooks/use-person.js';
export { type UsePersonIdsOptions, usePersonIds } from './hooks/use-person-ids.js';
export { type UsePresenceOptions, type UsePresenceResult, usePresence } from './hooks/use-presence.js';
export {
  type UsePresenceEventListenerOptions,
  usePresenceEventListener,
} from './hooks/use-presence-event-listener.js';
export { type UsePresenceKitResult, usePresenceKit } from './hooks/use-presence-kit.js';
export { type UsePresenceListenerOptions, usePresenceListener } from './hooks/use-presence-listener.js';
export { type UseRoomErrorListenerOptions, useRoomErrorListener } from './hooks/use-room-error-listener.js';
export { type UseRoomStatusOptions, type UseRoomStatusResult, useRoomStatus } from './hooks/use-room-status.js';
export { type UseSelfOptions, useSelf } from './hooks/use-self.js';
export type { RoomHookOptions } from './internal/use-room-entry.js';
export type { SelectOptions } from './internal/use-room-selector.js';
export { PresenceKitProvider, type PresenceKitProviderProps } from './provider/presence-kit-provider.js';
export { PresenceRoom, type PresenceRoomProps } from './provider/presence-room.js';
export { OCCUPANCY_POLL_INTERVAL_MS, type RoomErrorEvent } from './provider/room-entry.js';
export type { FrameScheduler } from './store/frame-scheduler.js';
export { shallow } from './store/shallow.js';
export type {
  DefaultPresenceData,
  OccupancyMetrics,
  Person,
  PresenceEventName,
  PresenceKitEvent,
  PresenceKitMember,
  Register,
  RoomSnapshot,
} from './store/types.js';

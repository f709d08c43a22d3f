// @presence-kit/react/testing: the framework-free store and the frame schedulers, for users' own tests and tools.

export { EMPTY_OCCUPANCY, EMPTY_ROOM_SNAPSHOT } from './store/empty-snapshots.js';
export {
  animationFrameScheduler,
  createManualFrameScheduler,
  type FrameScheduler,
  type ManualFrameScheduler,
} from './store/frame-scheduler.js';
export { type IdentityReader, RoomStore, type RoomStoreOptions } from './store/room-store.js';

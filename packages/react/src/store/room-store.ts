import { peopleView } from './people-view.js';
import { type LiveSnapshot, RoomStoreCore, type RoomStoreOptions } from './room-store-core.js';
import type { RoomSnapshot } from './types.js';

export type { IdentityReader, RoomStoreOptions } from './room-store-core.js';

/**
 * The presence and occupancy state of one room, with no React in it: {@link RoomStoreCore} with the per-person views
 * (`people`, `others`, `peopleByClientId`, the id lists) in every snapshot. Listeners are notified at most once per
 * frame, and every reader sees the same immutable snapshot between notifications.
 *
 * @example
 * const store = new RoomStore({ scheduler: animationFrameScheduler, identity: () => ({ clientId, connectionId }) });
 * const unbind = store.bind(room);
 * const unsubscribe = store.subscribe(() => render(store.getSnapshot().people));
 */
export class RoomStore extends RoomStoreCore {
  declare readonly getSnapshot: () => RoomSnapshot<unknown>;

  constructor(options: RoomStoreOptions) {
    super(options);
    const live: () => LiveSnapshot = this.getSnapshot;
    this.getSnapshot = peopleView(live, () => this.clientId);
  }
}

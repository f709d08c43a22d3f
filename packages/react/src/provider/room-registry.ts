import type { ChatClient, RoomOptions } from '@ably/chat';
import type { FrameScheduler } from '../store/frame-scheduler.js';
import { RoomEntry, resolveRoomOptions } from './room-entry.js';

/**
 * The rooms one `<PresenceKitProvider>` holds, by name. Every scope and hook that names a room shares one entry, so
 * one room means one store and one SDK subscription however many components read it. The first options given for a
 * name win until the room is released; later ones are ignored, so callers never need to memoize them.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, RoomEntry>();

  constructor(
    readonly client: ChatClient,
    private readonly scheduler: FrameScheduler,
  ) {}

  /**
   * The entry for a room, created (inert) if needed. Safe during render: creating an entry touches no network;
   * only `retain()`, called from an effect, acquires the room.
   */
  entry(name: string, options?: RoomOptions): RoomEntry {
    let entry = this.entries.get(name);
    if (!entry) {
      entry = new RoomEntry(name, resolveRoomOptions(options), this.client, this.scheduler, (stopped) => {
        if (this.entries.get(stopped.name) === stopped) this.entries.delete(stopped.name);
      });
      this.entries.set(name, entry);
    }
    return entry;
  }

  /** Re-registers an entry that was stopped and is being retained again by a component that still holds it. */
  adopt(entry: RoomEntry): void {
    if (!this.entries.has(entry.name)) this.entries.set(entry.name, entry);
  }
}

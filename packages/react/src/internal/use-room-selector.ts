'use client';
import { EMPTY_ROOM_SNAPSHOT } from '../store/empty-snapshots.js';
import type { RoomSnapshot } from '../store/types.js';
import { useRoomEntry } from './use-room-entry.js';
import { useStoreSelector } from './use-store-selector.js';

/**
 * Binds a selector over a room snapshot: resolves the room (scope or name), then reads through
 * `useSyncExternalStore`. The store holds untyped data; the hook's `TData` is the caller's promise about it.
 */
export function useRoomSelector<TData, TSelected>(
  hookName: string,
  room: string | undefined,
  selector: (snapshot: RoomSnapshot<TData>) => TSelected,
  isEqual?: (a: TSelected, b: TSelected) => boolean,
): TSelected {
  const entry = useRoomEntry(hookName, room);
  return useStoreSelector(
    entry.store as unknown as { subscribe(l: () => void): () => void; getSnapshot(): RoomSnapshot<TData> },
    EMPTY_ROOM_SNAPSHOT as RoomSnapshot<TData>,
    selector,
    isEqual,
  );
}

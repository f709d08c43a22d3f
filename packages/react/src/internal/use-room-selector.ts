'use client';
import { useMemo } from 'react';
import { EMPTY_ROOM_SNAPSHOT } from '../store/empty-snapshots.js';
import type { RoomSnapshot } from '../store/types.js';
import { useRoomEntry } from './use-room-entry.js';
import { useStoreSelector } from './use-store-selector.js';

/** Options of every hook that reads part of a room and lets you narrow it further. */
export interface SelectOptions<TInput, TSelected> {
  /** The room to read; defaults to the nearest `<PresenceRoom>`. Outside a scope the hook holds the room itself. */
  room?: string;
  /** Narrows what the hook returns; the component re-renders only when this selection changes. */
  select?: (input: TInput) => TSelected;
  /** How selections are compared (default `Object.is`); pass `shallow` when `select` builds arrays or objects. */
  isEqual?: (a: TSelected, b: TSelected) => boolean;
}

/**
 * Binds a part of a room snapshot (`pick`, a module-level function given the hook's `arg`, such as a clientId),
 * narrowed by the caller's `select`, through `useSyncExternalStore`. The combined selector keeps its identity while
 * `select`, `pick` and `arg` do, so a re-render with the same snapshot reuses the memoized selection instead of running
 * every selector again. The store holds untyped data; the hook's presence type is the caller's promise about it.
 */
export function useRoomSelector<TInput, TSelected, TArg = undefined>(
  hookName: string,
  options: SelectOptions<TInput, TSelected>,
  pick: (snapshot: RoomSnapshot<unknown>, arg: TArg) => TInput,
  arg?: TArg,
): TSelected {
  const entry = useRoomEntry(hookName, options.room);
  const { select } = options;
  const selector = useMemo(
    () =>
      select
        ? (snapshot: RoomSnapshot<unknown>) => select(pick(snapshot, arg as TArg))
        : (snapshot: RoomSnapshot<unknown>) => pick(snapshot, arg as TArg) as unknown as TSelected,
    [select, pick, arg],
  );
  return useStoreSelector(
    hookName,
    entry.store,
    EMPTY_ROOM_SNAPSHOT as RoomSnapshot<unknown>,
    selector,
    options.isEqual,
  );
}

'use client';
import { useMemo } from 'react';
import { EMPTY_LIVE_SNAPSHOT } from '../store/empty-snapshots.js';
import type { LiveSnapshot, RoomStoreCore } from '../store/room-store-core.js';
import { useRoomEntry } from './use-room-entry.js';
import { type ReadableStore, useStoreSelector } from './use-store-selector.js';

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
 * Binds a part of a room's live snapshot (`pick`, a module-level function given the hook's `arg`, such as a clientId),
 * narrowed by the caller's `select`, through `useSyncExternalStore`. The people hooks read the full snapshot through
 * `usePeopleSelector` instead, so the per-person views are only built (and bundled) where they are read.
 */
export function useRoomSelector<TInput, TSelected, TArg = undefined>(
  hookName: string,
  options: SelectOptions<TInput, TSelected>,
  pick: (snapshot: LiveSnapshot, arg: TArg) => TInput,
  arg?: TArg,
): TSelected {
  return useViewSelector(hookName, options, liveStore, EMPTY_LIVE_SNAPSHOT, pick, arg);
}

const liveStore = (store: RoomStoreCore): ReadableStore<LiveSnapshot> => store;

/**
 * `useRoomSelector` over a view of the room's store. The combined selector keeps its identity while `select`, `pick`
 * and `arg` do, so a re-render with the same snapshot reuses the memoized selection instead of running every selector
 * again. The store holds untyped data; the hook's presence type is the caller's promise about it.
 */
export function useViewSelector<TSnapshot, TInput, TSelected, TArg>(
  hookName: string,
  options: SelectOptions<TInput, TSelected>,
  view: (store: RoomStoreCore) => ReadableStore<TSnapshot>,
  /** The view's snapshot before anyone connected (also the server snapshot). */
  empty: TSnapshot,
  pick: (snapshot: TSnapshot, arg: TArg) => TInput,
  arg?: TArg,
): TSelected {
  const entry = useRoomEntry(hookName, options.room);
  const { select } = options;
  const selector = useMemo(
    () =>
      select
        ? (snapshot: TSnapshot) => select(pick(snapshot, arg as TArg))
        : (snapshot: TSnapshot) => pick(snapshot, arg as TArg) as unknown as TSelected,
    [select, pick, arg],
  );
  return useStoreSelector(hookName, view(entry.store), empty, selector, options.isEqual);
}

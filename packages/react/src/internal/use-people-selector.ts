'use client';
import { EMPTY_ROOM_SNAPSHOT } from '../store/empty-snapshots.js';
import { peopleStore } from '../store/people-view.js';
import type { RoomSnapshot } from '../store/types.js';
import { type SelectOptions, useViewSelector } from './use-room-selector.js';

/**
 * `useRoomSelector` for the people hooks: `pick` reads the full snapshot, with the per-person views (`people`,
 * `others`, `peopleByClientId`, the id lists), which the room builds from the first time such a hook reads it.
 */
export function usePeopleSelector<TInput, TSelected, TArg = undefined>(
  hookName: string,
  options: SelectOptions<TInput, TSelected>,
  pick: (snapshot: RoomSnapshot<unknown>, arg: TArg) => TInput,
  arg?: TArg,
): TSelected {
  return useViewSelector(hookName, options, peopleStore, EMPTY_ROOM_SNAPSHOT, pick, arg);
}

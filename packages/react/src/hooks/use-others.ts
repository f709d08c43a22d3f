'use client';
import { usePeopleSelector } from '../internal/use-people-selector.js';
import type { SelectOptions } from '../internal/use-room-selector.js';
import type { DefaultPresenceData, Person, RoomSnapshot } from '../store/types.js';

/** Options of {@link useOthers}. */
export type UseOthersOptions<TPresence = DefaultPresenceData, TSelected = readonly Person<TPresence>[]> = SelectOptions<
  readonly Person<TPresence>[],
  TSelected
>;

/**
 * Everyone but me: the room's people without this client's clientId (all my tabs are "me"). The array keeps its
 * identity while only my own presence changes, and each person keeps theirs until they change.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const others = useOthers();
 * return <p>{others.length === 0 ? 'Only you' : `You and ${others.length} others`}</p>;
 */
export function useOthers<TPresence = DefaultPresenceData, TSelected = readonly Person<TPresence>[]>(
  options: UseOthersOptions<TPresence, TSelected> = {},
): TSelected {
  return usePeopleSelector('useOthers', options, pickOthers);
}

const pickOthers = (snapshot: RoomSnapshot<unknown>) => snapshot.others as never;

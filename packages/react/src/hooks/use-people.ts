'use client';
import { usePeopleSelector } from '../internal/use-people-selector.js';
import type { SelectOptions } from '../internal/use-room-selector.js';
import type { DefaultPresenceData, Person, RoomSnapshot } from '../store/types.js';

/** Options of {@link usePeople}. */
export type UsePeopleOptions<TPresence = DefaultPresenceData, TSelected = readonly Person<TPresence>[]> = SelectOptions<
  readonly Person<TPresence>[],
  TSelected
>;

/**
 * The people in the room: members grouped by `clientId`, so one person with three tabs is one person with three
 * `connections`. A person object keeps its identity until one of their connections changes.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const people = usePeople();
 * const count = usePeople({ select: (people) => people.length });
 */
export function usePeople<TPresence = DefaultPresenceData, TSelected = readonly Person<TPresence>[]>(
  options: UsePeopleOptions<TPresence, TSelected> = {},
): TSelected {
  return usePeopleSelector('usePeople', options, pickPeople);
}

const pickPeople = (snapshot: RoomSnapshot<unknown>) => snapshot.people as never;

'use client';
import { usePeopleSelector } from '../internal/use-people-selector.js';
import type { SelectOptions } from '../internal/use-room-selector.js';
import type { DefaultPresenceData, Person, RoomSnapshot } from '../store/types.js';

/** Options of {@link usePerson}. */
export interface UsePersonOptions<TPresence = DefaultPresenceData, TSelected = Person<TPresence> | undefined>
  extends SelectOptions<Person<TPresence> | undefined, TSelected> {
  /** The person's clientId. */
  clientId: string;
}

/**
 * One person by clientId, with all their connections, or `undefined` when they are not present. Re-renders only when
 * that person changes. Their latest data is `person.latest.data`.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const status = usePerson({ clientId: 'alice', select: (p) => p?.latest.data?.status ?? 'offline' });
 */
export function usePerson<TPresence = DefaultPresenceData, TSelected = Person<TPresence> | undefined>(
  options: UsePersonOptions<TPresence, TSelected>,
): TSelected {
  const { clientId } = options;
  return usePeopleSelector('usePerson', options, pickPerson, clientId);
}

const pickPerson = (snapshot: RoomSnapshot<unknown>, clientId: string) =>
  snapshot.peopleByClientId.get(clientId) as never;

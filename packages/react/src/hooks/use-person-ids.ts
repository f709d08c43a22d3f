'use client';
import { usePeopleSelector } from '../internal/use-people-selector.js';
import type { RoomHookOptions } from '../internal/use-room-entry.js';

/** Options of {@link usePersonIds}. */
export interface UsePersonIdsOptions extends RoomHookOptions {
  /** Leave out my own clientId ("others" only). Default `false`. */
  others?: boolean;
}

/**
 * The clientId of every person in the room (one per person, however many tabs), in the order they arrived. The
 * array is new only when a person arrives or goes: key list rows by it, correct with several tabs per user, and let
 * each row read its own person with `usePerson({ clientId })`.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const ids = usePersonIds({ others: true });
 * return <ul>{ids.map((id) => <PersonRow key={id} clientId={id} />)}</ul>;
 */
export function usePersonIds(options: UsePersonIdsOptions = {}): readonly string[] {
  const others = options.others === true;
  return usePeopleSelector<readonly string[], readonly string[]>('usePersonIds', { room: options.room }, (snapshot) =>
    others ? snapshot.otherPersonIds : snapshot.personIds,
  );
}

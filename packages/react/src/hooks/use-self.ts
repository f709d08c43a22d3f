'use client';
import type { RoomHookOptions } from '../internal/use-room-entry.js';
import { useRoomSelector } from '../internal/use-room-selector.js';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';

/** Options of {@link useSelf}. */
export type UseSelfOptions = RoomHookOptions;

/**
 * This client's own member on its current connection, as the server echoed it, or `undefined` when not present.
 * (Other tabs of the same user are other connections: see `usePerson`.)
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const self = useSelf();
 * return self ? <span>You: {self.data?.name}</span> : null;
 */
export function useSelf<TPresence = DefaultPresenceData>(
  options: UseSelfOptions = {},
): PresenceKitMember<TPresence> | undefined {
  return useRoomSelector<PresenceKitMember<TPresence> | undefined, PresenceKitMember<TPresence> | undefined>(
    'useSelf',
    { room: options.room },
    (snapshot) => snapshot.self[0] as PresenceKitMember<TPresence> | undefined,
  );
}

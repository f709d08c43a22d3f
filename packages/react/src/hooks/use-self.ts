'use client';
import type { RoomHookOptions } from '../internal/use-room-entry.js';
import { useRoomSelector } from '../internal/use-room-selector.js';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';

export type UseSelfOptions = RoomHookOptions;

/**
 * This client's own member on its current connection, as the server echoed it, or `undefined` when not present.
 * (Other tabs of the same user are other connections: see `usePeople`.)
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * const self = useSelf<{ name: string }>();
 * return self ? <span>You: {self.data?.name}</span> : null;
 */
export function useSelf<TData = DefaultPresenceData>(
  options: UseSelfOptions = {},
): PresenceKitMember<TData> | undefined {
  return useRoomSelector<TData, PresenceKitMember<TData> | undefined>(
    'useSelf',
    options.room,
    (snapshot) => snapshot.self[0],
  );
}

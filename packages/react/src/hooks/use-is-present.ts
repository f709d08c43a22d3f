'use client';
import type { RoomHookOptions } from '../internal/use-room-entry.js';
import { useRoomSelector } from '../internal/use-room-selector.js';

export type UseIsPresentOptions = RoomHookOptions;

/**
 * Whether `clientId` is present in the room on any connection. Re-renders only when that answer changes.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * const online = useIsPresent('bob');
 * return <Dot data-online={online} />;
 */
export function useIsPresent(clientId: string, options: UseIsPresentOptions = {}): boolean {
  return useRoomSelector<unknown, boolean>('useIsPresent', options.room, (snapshot) =>
    snapshot.peopleByClientId.has(clientId),
  );
}

'use client';
import type { RoomHookOptions } from '../internal/use-room-entry.js';
import { useRoomSelector } from '../internal/use-room-selector.js';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';

export type UsePresenceMemberOptions = RoomHookOptions;

/**
 * One person's presence: the member (connection) of `clientId` whose presence changed most recently, or `undefined`
 * when they are not present. Re-renders only when that member changes, not when anyone else does.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * const alice = usePresenceMember<{ status: string }>('alice');
 * return <span>{alice?.data?.status ?? 'away'}</span>;
 */
export function usePresenceMember<TData = DefaultPresenceData>(
  clientId: string,
  options: UsePresenceMemberOptions = {},
): PresenceKitMember<TData> | undefined {
  return useRoomSelector<TData, PresenceKitMember<TData> | undefined>(
    'usePresenceMember',
    options.room,
    (snapshot) => snapshot.peopleByClientId.get(clientId)?.latest,
  );
}

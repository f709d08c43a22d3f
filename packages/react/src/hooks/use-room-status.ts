'use client';
import { RoomStatus } from '@ably/chat';
import { useSyncExternalStore } from 'react';
import { type RoomHookOptions, useRoomEntry } from '../internal/use-room-entry.js';

export type UseRoomStatusOptions = RoomHookOptions;

/**
 * The room's status (`attaching`, `attached`, `suspended`, …), separate from the presence hooks so they do not
 * re-render when it changes.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * const status = useRoomStatus();
 * if (status === 'failed') return <p>Could not join the room.</p>;
 */
export function useRoomStatus(options: UseRoomStatusOptions = {}): RoomStatus {
  const entry = useRoomEntry('useRoomStatus', options.room);
  return useSyncExternalStore(entry.status.subscribe, entry.status.getSnapshot, () => RoomStatus.Initialized);
}

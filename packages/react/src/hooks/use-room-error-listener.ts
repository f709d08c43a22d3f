'use client';
import { useEffect } from 'react';
import { useLatest } from '../internal/use-latest.js';
import { type RoomHookOptions, useRoomEntry } from '../internal/use-room-entry.js';
import type { RoomErrorEvent } from '../provider/room-entry.js';

export type UseRoomErrorListenerOptions = RoomHookOptions;

/**
 * Calls `listener` when the room has a problem: a failed attach, a status change carrying an error, a discontinuity
 * (continuity lost after a failed resume), or a failed presence read. Never re-renders the component.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * useRoomErrorListener(({ error, kind }) => console.warn(kind, error.message));
 */
export function useRoomErrorListener(
  listener: (event: RoomErrorEvent) => void,
  options: UseRoomErrorListenerOptions = {},
): void {
  const entry = useRoomEntry('useRoomErrorListener', options.room);
  const latest = useLatest(listener);
  useEffect(() => entry.onError((event) => latest.current(event)), [entry, latest]);
}

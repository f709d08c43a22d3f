'use client';
import { useEffect } from 'react';
import { useLatest } from '../internal/use-latest.js';
import { type RoomHookOptions, useRoomEntry } from '../internal/use-room-entry.js';
import type { RoomErrorEvent } from '../provider/room-entry.js';

/** Options of {@link useRoomErrorListener}. */
export interface UseRoomErrorListenerOptions extends RoomHookOptions {
  /** Called with each room problem. */
  listener: (event: RoomErrorEvent) => void;
}

/**
 * Calls `listener` when the room has a problem: a failed attach, a status change carrying an error, a discontinuity
 * (continuity lost after a failed resume), or a failed presence or occupancy read. Never re-renders the component.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * useRoomErrorListener({ listener: ({ error, kind }) => console.warn(kind, error.code, error.message) });
 */
export function useRoomErrorListener(options: UseRoomErrorListenerOptions): void {
  const entry = useRoomEntry('useRoomErrorListener', options.room);
  const latest = useLatest(options.listener);
  useEffect(() => entry.onError((event) => latest.current(event)), [entry, latest]);
}

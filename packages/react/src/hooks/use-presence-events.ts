'use client';
import { useEffect } from 'react';
import { useLatest } from '../internal/use-latest.js';
import { type RoomHookOptions, useRoomEntry } from '../internal/use-room-entry.js';
import type { DefaultPresenceData, PresenceEventName, PresenceKitEvent } from '../store/types.js';

export interface UsePresenceEventsOptions extends RoomHookOptions {
  /** Only these event types (one or several); all four by default. */
  types?: PresenceEventName | readonly PresenceEventName[];
}

/**
 * Calls `listener` for each presence event in the room (`enter`, `leave`, `update`, `present`), optionally filtered
 * by type. An event hook: it never re-renders the component. The latest `listener` is always called, so it need not
 * be memoized; the subscription depends only on the room.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * usePresenceEvents((event) => toast(`${event.member.clientId} joined`), { types: 'enter' });
 */
export function usePresenceEvents<TData = DefaultPresenceData>(
  listener: (event: PresenceKitEvent<TData>) => void,
  options: UsePresenceEventsOptions = {},
): void {
  const entry = useRoomEntry('usePresenceEvents', options.room);
  const latest = useLatest({ listener, types: options.types });

  useEffect(
    () =>
      entry.store.onPresenceEvent((event) => {
        const { listener, types } = latest.current;
        if (types !== undefined && (typeof types === 'string' ? types !== event.type : !types.includes(event.type))) {
          return;
        }
        listener(event as PresenceKitEvent<TData>);
      }),
    [entry, latest],
  );
}

'use client';
import { useEffect } from 'react';
import { useLatest } from '../internal/use-latest.js';
import { type RoomHookOptions, useRoomEntry } from '../internal/use-room-entry.js';
import type { DefaultPresenceData, PresenceEventName, PresenceKitEvent } from '../store/types.js';

/** Options of {@link usePresenceEventListener}. */
export interface UsePresenceEventListenerOptions<TPresence = DefaultPresenceData> extends RoomHookOptions {
  /** Called for each presence event, as it arrives (not batched). */
  listener: (event: PresenceKitEvent<TPresence>) => void;
  /** Only these event types (one or several); all four by default. */
  types?: PresenceEventName | readonly PresenceEventName[];
}

/**
 * Calls `listener` for each presence event in the room (`enter`, `leave`, `update`, `present`), optionally filtered
 * by type. A listener hook: it never re-renders the component. The latest `listener` is called, so it need not be
 * memoized; the subscription depends only on the room.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * usePresenceEventListener({ types: 'enter', listener: (event) => toast(`${event.member.clientId} joined`) });
 */
export function usePresenceEventListener<TPresence = DefaultPresenceData>(
  options: UsePresenceEventListenerOptions<TPresence>,
): void {
  const entry = useRoomEntry('usePresenceEventListener', options.room);
  const latest = useLatest(options);
  useEffect(
    () =>
      entry.store.onPresenceEvent((event) => {
        const { listener, types } = latest.current;
        if (types !== undefined && (typeof types === 'string' ? types !== event.type : !types.includes(event.type))) {
          return;
        }
        listener(event as PresenceKitEvent<TPresence>);
      }),
    [entry, latest],
  );
}

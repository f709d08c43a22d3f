'use client';
import { useEffect } from 'react';
import { CODE_INVALID_ARGUMENT, PresenceKitError } from '../errors.js';
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
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), with no room (104001), or with
 * an unknown event type in `types` (104002).
 * @example
 * usePresenceEventListener({ types: 'enter', listener: (event) => toast(`${event.member.clientId} joined`) });
 */
export function usePresenceEventListener<TPresence = DefaultPresenceData>(
  options: UsePresenceEventListenerOptions<TPresence>,
): void {
  const entry = useRoomEntry('usePresenceEventListener', options.room);
  checkTypes(options.types);
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

const EVENT_TYPES: readonly PresenceEventName[] = ['enter', 'leave', 'update', 'present'];

/** A misspelt type (`'join'`, `'left'`) would silently filter out every event, so it is a misuse error instead. */
function checkTypes(types: unknown): void {
  if (types === undefined) return;
  const list: unknown[] = Array.isArray(types) ? types : [types];
  const unknown = list.filter((type) => !EVENT_TYPES.includes(type as PresenceEventName));
  if (unknown.length === 0) return;
  throw new PresenceKitError(
    CODE_INVALID_ARGUMENT,
    `usePresenceEventListener got unknown event type${unknown.length > 1 ? 's' : ''} ${unknown.map((type) => JSON.stringify(String(type))).join(', ')} in \`types\`; use ${EVENT_TYPES.map((type) => `'${type}'`).join(', ')}, or omit \`types\` for all four.`,
  );
}

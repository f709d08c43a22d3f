'use client';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { type RoomHookOptions, useRoomEntry } from '../internal/use-room-entry.js';
import { useStoreSelector } from '../internal/use-store-selector.js';
import { useValueStable } from '../internal/use-value-stable.js';
import { EMPTY_ROOM_SNAPSHOT } from '../store/empty-snapshots.js';
import type { DefaultPresenceData, RoomSnapshot } from '../store/types.js';

export interface UsePresenceOptions extends RoomHookOptions {
  /** Enter when the component mounts. Default `true`; with `false`, call `enter()` yourself. Read once, at mount. */
  enterOnMount?: boolean;
}

export interface UsePresenceResult<TData = DefaultPresenceData> {
  /** Whether the server has this connection in the room's presence set (from the echo, not an optimistic guess). */
  isPresent: boolean;
  enter(data?: TData): Promise<void>;
  update(data?: TData): Promise<void>;
  leave(): Promise<void>;
  /** The last enter/update/leave error, cleared by the next success. */
  error: Error | null;
}

const isSelfPresent = (snapshot: RoomSnapshot<unknown>) => snapshot.self.length > 0;
const noError = () => null;

/**
 * Makes this client present in the room while the component is mounted. Enters on mount, sends an update when
 * `data` changes by value (a new object with the same contents sends nothing), and leaves when the last `usePresence`
 * in this room unmounts (several components share one presence). It never leaves on a connection blip: the SDK
 * re-enters after a resume, and after a discontinuity or failed resume the hook enters again if it must.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * const { isPresent, error } = usePresence<{ name: string; typing: boolean }>({ name, typing });
 */
export function usePresence<TData = DefaultPresenceData>(
  data?: TData,
  options: UsePresenceOptions = {},
): UsePresenceResult<TData> {
  const entry = useRoomEntry('usePresence', options.room);
  const controller = entry.presence;
  const stableData = useValueStable(data);
  const enterOnMount = useRef(options.enterOnMount ?? true).current;
  const latestData = useRef(stableData);
  latestData.current = stableData;

  useEffect(() => {
    const token = Symbol('usePresence');
    controller.addHolder(token, latestData.current, enterOnMount);
    return () => controller.removeHolder(token);
  }, [controller, enterOnMount]);

  useEffect(() => {
    // Equal to what addHolder just used on mount, so the controller sends nothing then; later, one update per change.
    if (stableData !== undefined) controller.setData(stableData).catch(() => {});
  }, [controller, stableData]);

  const isPresent = useStoreSelector(entry.store, EMPTY_ROOM_SNAPSHOT as RoomSnapshot<unknown>, isSelfPresent);
  const error = useSyncExternalStore(controller.error.subscribe, controller.error.getSnapshot, noError);
  const actions = useMemo(
    () => ({
      enter: (next?: TData) => controller.enter(next),
      update: (next?: TData) => controller.update(next),
      leave: () => controller.leave(),
    }),
    [controller],
  );
  return useMemo(() => ({ isPresent, error, ...actions }), [isPresent, error, actions]);
}

'use client';
import type * as Ably from 'ably';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { warnOnce } from '../internal/dev-warning.js';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { type RoomHookOptions, useRoomEntry } from '../internal/use-room-entry.js';
import { useStoreSelector } from '../internal/use-store-selector.js';
import { useValueStable } from '../internal/use-value-stable.js';
import { EMPTY_LIVE_SNAPSHOT } from '../store/empty-snapshots.js';
import { presenceDataError } from '../store/presence-data.js';
import type { LiveSnapshot } from '../store/room-store-core.js';
import type { DefaultPresenceData } from '../store/types.js';

/** Options of {@link usePresence}. */
export interface UsePresenceOptions<TPresence = DefaultPresenceData> extends RoomHookOptions {
  /**
   * This component's presence data. Sent on enter, and as an update whenever it changes by value (a new object with
   * the same contents sends nothing). Several `usePresence` in one room each contribute theirs, merged shallowly.
   */
  data?: NoInfer<TPresence>;
  /** Enter when the component mounts. Default `true`; with `false`, call `enter()` yourself. Read once, at mount. */
  enterOnMount?: boolean;
}

/** What {@link usePresence} returns. */
export interface UsePresenceResult<TPresence = DefaultPresenceData> {
  /** Whether the server has this connection in the room's presence set (from the echo, not an optimistic guess). */
  isPresent: boolean;
  /** Asks to be present, with new data for this component's share when given. */
  enter(data?: TPresence): Promise<void>;
  /** Sets this component's share of the data (and asks to be present). */
  update(data?: TPresence): Promise<void>;
  /** This component no longer asks to be present; the client leaves once no other `usePresence` in the room does. */
  leave(): Promise<void>;
  /** The last enter/update/leave error, cleared by the next success. */
  error: Ably.ErrorInfo | null;
}

const KNOWN_OPTIONS: ReadonlySet<string> = new Set(['room', 'data', 'enterOnMount']);
const isSelfPresent = (snapshot: LiveSnapshot) => snapshot.self.length > 0;
const noError = () => null;

/**
 * Makes this client present in the room while the component is mounted. Enters on mount, updates when `data` changes
 * by value, and leaves when the last `usePresence` in this room unmounts. Several `usePresence` in one room share
 * one presence: the client is present while any of them wants it, with their `data` merged shallowly in mount order
 * (a key set by two of them gets a development warning, and the later one wins). It never leaves on a connection
 * blip: the SDK re-enters after a resume, and after a discontinuity or failed resume the hook enters again.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const { isPresent, error } = usePresence({ data: { name: user.name, avatarUrl: user.avatar } });
 * function StatusPicker() {
 *   const { update } = usePresence({ data: { status } }); // merged with the data above
 * }
 */
export function usePresence<TPresence = DefaultPresenceData>(
  options: UsePresenceOptions<TPresence> = {},
): UsePresenceResult<TPresence> {
  if (process.env.NODE_ENV !== 'production') warnUnknownOptions(options);
  const entry = useRoomEntry('usePresence', options.room);
  const clientId = usePresenceKitContext('usePresence').client.clientId;
  const controller = entry.presence;
  const stableData = useValueStable(options.data);
  const enterOnMount = useRef(options.enterOnMount ?? true).current;
  const [token] = useState(() => Symbol('usePresence'));
  const [dataError, setDataError] = useState<Ably.ErrorInfo | null>(null);
  const latestData = useRef(stableData);
  latestData.current = stableData;

  useEffect(() => {
    const data = latestData.current;
    const invalid = presenceDataError('usePresence', data, clientId);
    controller.addHolder(token, invalid ? undefined : (data as Record<string, unknown>), enterOnMount).catch(() => {});
    return () => controller.removeHolder(token);
  }, [controller, token, enterOnMount, clientId]);

  useEffect(() => {
    // Bad data is reported, and the last good data stays: nothing is sent, nothing else is lost.
    const invalid = presenceDataError('usePresence', stableData, clientId);
    setDataError(invalid ?? null);
    if (invalid) return;
    controller.setData(token, stableData as Record<string, unknown> | undefined).catch(() => {});
  }, [controller, token, stableData, clientId]);

  const isPresent = useStoreSelector('usePresence', entry.store, EMPTY_LIVE_SNAPSHOT, isSelfPresent);
  const sendError = useSyncExternalStore(controller.error.subscribe, controller.error.getSnapshot, noError);
  const actions = useMemo(() => {
    const checked = (
      where: string,
      data: TPresence | undefined,
      send: (d?: Record<string, unknown>) => Promise<void>,
    ) => {
      const invalid = presenceDataError(where, data, clientId);
      return invalid ? Promise.reject(invalid) : send(data as Record<string, unknown> | undefined);
    };
    return {
      enter: (data?: TPresence) => checked('usePresence().enter', data, (d) => controller.enter(token, d)),
      update: (data?: TPresence) => checked('usePresence().update', data, (d) => controller.update(token, d)),
      leave: () => controller.leave(token),
    };
  }, [controller, token, clientId]);
  const error = dataError ?? sendError;
  return useMemo(() => ({ isPresent, error, ...actions }), [isPresent, error, actions]);
}

function warnUnknownOptions(options: object): void {
  if (typeof options !== 'object' || options === null) return;
  for (const key of Object.keys(options)) {
    if (KNOWN_OPTIONS.has(key)) continue;
    const hint =
      key === 'initialData'
        ? " `initialData` is @ably/chat/react's name: use `data` (it is sent on enter and on every change)."
        : key === 'autoEnterLeave'
          ? " `autoEnterLeave` is @ably/chat/react's name: use `enterOnMount: false` and call enter()/leave()."
          : ' Presence data goes in `data`: usePresence({ data: { … } }).';
    warnOnce(`usePresence-option:${key}`, `usePresence got an unknown option "${key}", which is ignored.${hint}`);
  }
}

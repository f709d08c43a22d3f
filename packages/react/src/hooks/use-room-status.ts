'use client';
import type { RoomStatus } from '@ably/chat';
import type * as Ably from 'ably';
import { useMemo, useSyncExternalStore } from 'react';
import { type RoomHookOptions, useRoomEntry } from '../internal/use-room-entry.js';
import { useStoreSelector } from '../internal/use-store-selector.js';
import { INITIAL_STATUS } from '../provider/room-entry.js';
import { EMPTY_LIVE_SNAPSHOT } from '../store/empty-snapshots.js';
import type { LiveSnapshot } from '../store/room-store-core.js';
import { shallow } from '../store/shallow.js';

/** Options of {@link useRoomStatus}. */
export type UseRoomStatusOptions = RoomHookOptions;

/** What {@link useRoomStatus} returns. */
export interface UseRoomStatusResult {
  /** The room's lifecycle status (`attaching`, `attached`, `suspended`, `failed`, …). */
  status: RoomStatus;
  /** The error that came with the last status change, or why the room could not be had. */
  error: Ably.ErrorInfo | undefined;
  /** The full member list has been read since attaching: before that, an empty list means "loading", not "nobody". */
  isSynced: boolean;
  /** Occupancy came from the server: before that, counts are zeros meaning "loading". */
  hasOccupancy: boolean;
}

const selectReadiness = (snapshot: LiveSnapshot) => ({
  isSynced: snapshot.isSynced,
  hasOccupancy: snapshot.hasOccupancy,
});

/**
 * The room's status and readiness, for loading and error states. Kept out of the presence and occupancy hooks, so
 * they do not re-render when it changes.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const { status, error, isSynced } = useRoomStatus();
 * if (status === 'failed') return <p role="alert">Could not join: {error?.message}</p>;
 * if (!isSynced) return <Spinner />;
 */
export function useRoomStatus(options: UseRoomStatusOptions = {}): UseRoomStatusResult {
  const entry = useRoomEntry('useRoomStatus', options.room);
  const { status, error } = useSyncExternalStore(
    entry.status.subscribe,
    entry.status.getSnapshot,
    () => INITIAL_STATUS,
  );
  const readiness = useStoreSelector('useRoomStatus', entry.store, EMPTY_LIVE_SNAPSHOT, selectReadiness, shallow);
  return useMemo(() => ({ status, error, ...readiness }), [status, error, readiness]);
}

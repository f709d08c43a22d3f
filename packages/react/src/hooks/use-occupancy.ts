'use client';
import { useEffect } from 'react';
import { useRoomEntry } from '../internal/use-room-entry.js';
import { type SelectOptions, useRoomSelector } from '../internal/use-room-selector.js';
import type { LiveSnapshot } from '../store/room-store-core.js';
import type { OccupancyMetrics } from '../store/types.js';

/** Options of {@link useOccupancy}. */
export interface UseOccupancyOptions<TSelected = OccupancyMetrics> extends SelectOptions<OccupancyMetrics, TSelected> {
  /**
   * How often to poll REST when the room's occupancy events are off (Ably Chat's default). Default 15 s; Ably
   * debounces occupancy events by up to 15 s too, so polling faster is rarely fresher. Minimum 1 s.
   */
  pollIntervalMs?: number;
}

/**
 * The room's occupancy with all eight metrics (`connections`, `publishers`, `subscribers`, `presenceConnections`,
 * `presenceMembers`, `presenceSubscribers`, `objectPublishers`, `objectSubscribers`), zeros until known (see
 * `useRoomStatus().hasOccupancy`). Live from `[meta]occupancy` events when the room has them on
 * (`options={{ occupancy: { enableEvents: true } }}`), else polled over REST while mounted.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const connections = useOccupancy({ select: (o) => o.connections });
 * const { presenceMembers, subscribers } = useOccupancy();
 */
export function useOccupancy<TSelected = OccupancyMetrics>(options: UseOccupancyOptions<TSelected> = {}): TSelected {
  const entry = useRoomEntry('useOccupancy', options.room);
  const { pollIntervalMs } = options;
  useEffect(() => entry.pollOccupancy(pollIntervalMs), [entry, pollIntervalMs]);
  return useRoomSelector('useOccupancy', options, pickOccupancy);
}

const pickOccupancy = (snapshot: LiveSnapshot) => snapshot.occupancy as never;

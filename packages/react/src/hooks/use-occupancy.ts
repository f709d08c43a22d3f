'use client';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { identity, selectorArgs } from '../internal/selector-args.js';
import { type RoomHookOptions, useRoomEntry } from '../internal/use-room-entry.js';
import { useStoreSelector } from '../internal/use-store-selector.js';
import { buildChannelOccupancyQuery } from '../queries/channel-occupancy-query.js';
import { EMPTY_OCCUPANCY, EMPTY_ROOM_SNAPSHOT } from '../store/empty-snapshots.js';
import type { OccupancyMetrics, RoomSnapshot } from '../store/types.js';

/**
 * How often `useOccupancy` polls REST when the room has occupancy events off (`occupancy: { enableEvents: false }`).
 * Ably debounces occupancy events by up to 15 s too, so polling faster would not be fresher than events.
 */
export const OCCUPANCY_POLL_INTERVAL_MS = 15_000;

export interface UseOccupancyOptions extends RoomHookOptions {
  /** Poll interval when occupancy events are off. Default {@link OCCUPANCY_POLL_INTERVAL_MS}. */
  pollIntervalMs?: number;
}

/**
 * The room's occupancy with all eight metrics (`connections`, `publishers`, `subscribers`, `presenceConnections`,
 * `presenceMembers`, `presenceSubscribers`, `objectPublishers`, `objectSubscribers`), zeros until known. Live from
 * `[meta]occupancy` events (seeded by one REST read); when the room has occupancy events off it polls REST every
 * {@link OCCUPANCY_POLL_INTERVAL_MS} through react-query instead of failing.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * const connections = useOccupancy((o) => o.connections);
 * const { presenceMembers, subscribers } = useOccupancy();
 */
export function useOccupancy(options?: UseOccupancyOptions): OccupancyMetrics;
export function useOccupancy<TSelected>(
  selector: (occupancy: OccupancyMetrics) => TSelected,
  isEqual?: (a: TSelected, b: TSelected) => boolean,
  options?: UseOccupancyOptions,
): TSelected;
export function useOccupancy<TSelected>(
  first?: ((occupancy: OccupancyMetrics) => TSelected) | UseOccupancyOptions,
  isEqual?: (a: TSelected, b: TSelected) => boolean,
  options?: UseOccupancyOptions,
): TSelected | OccupancyMetrics {
  const args = selectorArgs(first, isEqual, options);
  const select = (args.selector ?? identity) as (occupancy: OccupancyMetrics) => TSelected;
  const equal = args.isEqual ?? Object.is;
  const { client, queryClient } = usePresenceKitContext('useOccupancy');
  const entry = useRoomEntry('useOccupancy', args.options.room);
  const live = useStoreSelector(
    entry.store,
    EMPTY_ROOM_SNAPSHOT as RoomSnapshot<unknown>,
    (snapshot) => select(snapshot.occupancy),
    equal,
  );
  // The poll shares its cache entry (occupancyKeys.metrics) with useChannelOccupancyQuery.
  const polled = useQuery(
    {
      ...buildChannelOccupancyQuery(client, entry.name, 'useOccupancy'),
      enabled: !entry.occupancyEvents,
      refetchInterval: args.options.pollIntervalMs ?? OCCUPANCY_POLL_INTERVAL_MS,
    },
    queryClient,
  );
  const polledSelection = useRef<{ source: OccupancyMetrics; selection: TSelected } | null>(null);
  if (entry.occupancyEvents) return live;
  const source = polled.data?.metrics ?? EMPTY_OCCUPANCY;
  const previous = polledSelection.current;
  if (previous?.source === source) return previous.selection;
  const next = select(source);
  const selection = previous && equal(previous.selection, next) ? previous.selection : next;
  polledSelection.current = { source, selection };
  return selection;
}

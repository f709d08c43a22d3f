'use client';

import { useOccupancy, usePersonIds } from '@presence-kit/react';
import { forwardRef } from 'react';
import { useRoomLoadState } from '../internal/room-load-state.js';
import { ViewerCountView, type ViewerCountViewProps } from './viewer-count-view.js';

/**
 * What a viewer count counts.
 * - `people` (default): distinct clientIds in presence. One person with three tabs counts once. After an abrupt
 *   disconnect it falls when Ably's presence leave delay ends (about 15 s), so it is the honest "who is here" number.
 * - `presenceMembers`: presence members (connections that entered), from occupancy. Counts tabs; falls like `people`.
 * - `connections`: every attached connection, present or not, from occupancy. Counts tabs and lurkers; after an
 *   abrupt disconnect it keeps counting until the connection's state expires (up to two minutes on Ably).
 */
export type ViewerCountMetric = 'people' | 'presenceMembers' | 'connections';

/** Props of {@link ViewerCount}. */
export interface ViewerCountProps extends Omit<ViewerCountViewProps, 'count' | 'state'> {
  /** Default `people`. */
  metric?: ViewerCountMetric;
  /** Room name; default the enclosing `<PresenceRoom>`. */
  room?: string;
}

/**
 * A live viewer count for the room: compact, locale-aware, announced politely.
 *
 * @example
 * <ViewerCount label="watching" />
 */
export const ViewerCount = forwardRef<HTMLSpanElement, ViewerCountProps>(function ViewerCount(
  { metric = 'people', room, ...rest },
  ref,
) {
  // Separate components per source, so a people count never polls occupancy and an occupancy count never
  // re-renders on presence changes.
  if (metric === 'people') return <PeopleCount ref={ref} room={room} {...rest} />;
  return <OccupancyCount ref={ref} room={room} metric={metric} {...rest} />;
});

const PeopleCount = forwardRef<HTMLSpanElement, Omit<ViewerCountProps, 'metric'>>(function PeopleCount(
  { room, ...rest },
  ref,
) {
  const state = useRoomLoadState(room, 'members');
  const count = usePersonIds({ room }).length;
  return <ViewerCountView ref={ref} count={count} state={state} {...rest} />;
});

const OccupancyCount = forwardRef<
  HTMLSpanElement,
  Omit<ViewerCountProps, 'metric'> & { metric: 'presenceMembers' | 'connections' }
>(function OccupancyCount({ room, metric, ...rest }, ref) {
  const state = useRoomLoadState(room, 'occupancy');
  const count = useOccupancy({ room, select: (metrics) => metrics[metric] });
  return <ViewerCountView ref={ref} count={count} state={state} {...rest} />;
});

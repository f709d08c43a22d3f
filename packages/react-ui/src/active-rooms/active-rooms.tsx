'use client';

import { useActiveRoomsQuery } from '@presence-kit/react/query';
import { forwardRef, useMemo } from 'react';
import { type ActiveRoomSummary, ActiveRoomsView, type ActiveRoomsViewProps } from './active-rooms-view.js';

/** Props of {@link ActiveRooms}. */
export interface ActiveRoomsProps
  extends Omit<ActiveRoomsViewProps, 'rooms' | 'state' | 'hasMore' | 'isLoadingMore' | 'onLoadMore'> {
  /** Only rooms whose names start with this. */
  prefix?: string;
  /** Rooms per page. */
  limit?: number;
}

/**
 * A lobby of the active rooms with their occupancy, from Ably's REST channel enumeration through react-query: no
 * channel is attached per row, and "Load more" fetches the next page. Needs `<PresenceKitProvider queryClient>` (or
 * a `QueryClientProvider`) and the `channel-metadata` capability.
 *
 * @example
 * <ActiveRooms prefix="support-" limit={20} renderRoomName={(room) => <a href={`/rooms/${room}`}>{room}</a>} />
 */
export const ActiveRooms = forwardRef<HTMLDivElement, ActiveRoomsProps>(function ActiveRooms(
  { prefix, limit, ...rest },
  ref,
) {
  const query = useActiveRoomsQuery({ prefix, limit });
  const rooms = useMemo(
    (): ActiveRoomSummary[] =>
      (query.data?.pages ?? []).flatMap((page) =>
        page.rooms.map((room) => ({
          room: room.room,
          present: room.metrics.presenceMembers,
          connections: room.metrics.connections,
        })),
      ),
    [query.data],
  );
  const state = query.isPending ? 'loading' : query.isError && rooms.length === 0 ? 'error' : 'ready';
  return (
    <ActiveRoomsView
      ref={ref}
      rooms={rooms}
      state={state}
      hasMore={query.hasNextPage}
      isLoadingMore={query.isFetchingNextPage}
      onLoadMore={() => void query.fetchNextPage()}
      {...rest}
    />
  );
});

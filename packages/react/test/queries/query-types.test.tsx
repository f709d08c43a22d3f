import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { describe, expectTypeOf, it } from 'vitest';
import { useActiveRoomsQuery } from '../../src/hooks/use-active-rooms-query.js';
import { useBatchPresenceQuery } from '../../src/hooks/use-batch-presence-query.js';
import { useChannelOccupancyQuery } from '../../src/hooks/use-channel-occupancy-query.js';
import { useIsUserPresentQuery } from '../../src/hooks/use-is-user-present-query.js';
import { useOccupancyQuery } from '../../src/hooks/use-occupancy-query.js';
import { usePresenceHistoryQuery } from '../../src/hooks/use-presence-history-query.js';
import { usePresenceQuery } from '../../src/hooks/use-presence-query.js';
import type { ActiveRoomsPage, ActiveRoomsPageParam } from '../../src/queries/active-rooms-query.js';
import type { BatchPresenceRoomResult } from '../../src/queries/batch-presence-query.js';
import type { OccupancyCounts } from '../../src/queries/occupancy-query.js';
import type { PresenceHistoryEvent } from '../../src/queries/presence-member.js';
import { presenceQueryOptions } from '../../src/queries/presence-query.js';
import type { DefaultPresenceData, OccupancyMetrics, PresenceKitMember } from '../../src/store/types.js';

interface Cursor {
  x: number;
  y: number;
}

/*
 * Type-level tests, checked by `tsc -p tsconfig.json`. The hooks are called inside components that are never rendered,
 * so the types are inferred exactly as at a real call site; at runtime expectTypeOf is a no-op.
 */
function PresenceTypeChecks() {
  const typed = usePresenceQuery<Cursor>('lobby', { clientId: 'alice' });
  expectTypeOf(typed.data).toEqualTypeOf<PresenceKitMember<Cursor>[] | undefined>();
  expectTypeOf(typed.data?.[0]?.data).toEqualTypeOf<Cursor | undefined>();

  const untyped = usePresenceQuery('lobby');
  expectTypeOf(untyped.data).toEqualTypeOf<PresenceKitMember<DefaultPresenceData>[] | undefined>();

  const selected = usePresenceQuery<Cursor, number>('lobby', { select: (members) => members.length });
  expectTypeOf(selected.data).toEqualTypeOf<number | undefined>();

  const history = usePresenceHistoryQuery<Cursor>('lobby', { limit: 10 });
  expectTypeOf(history.data?.pages[0]?.events[0]).toEqualTypeOf<PresenceHistoryEvent<Cursor> | undefined>();
  expectTypeOf(history.data?.pages[0]?.events[0]?.action).toEqualTypeOf<Ably.PresenceAction | undefined>();

  const batch = useBatchPresenceQuery<Cursor>(['a', 'b']);
  const entry = batch.data?.a;
  expectTypeOf(entry).toEqualTypeOf<BatchPresenceRoomResult<Cursor> | undefined>();
  if (entry?.status === 'success') expectTypeOf(entry.members[0]?.data).toEqualTypeOf<Cursor | undefined>();
  if (entry?.status === 'error') expectTypeOf(entry.error).toEqualTypeOf<Ably.ErrorInfo>();
  return null;
}

function QueryTypeChecks() {
  const counts = useOccupancyQuery('lobby');
  expectTypeOf(counts.data).toEqualTypeOf<OccupancyCounts | undefined>();
  expectTypeOf(counts.error).toEqualTypeOf<Ably.ErrorInfo | null>();
  expectTypeOf(useOccupancyQuery('lobby', { select: (o) => o.connections }).data).toEqualTypeOf<number | undefined>();
  expectTypeOf(useChannelOccupancyQuery().data?.metrics).toEqualTypeOf<OccupancyMetrics | undefined>();
  expectTypeOf(useIsUserPresentQuery(undefined, 'alice').data).toEqualTypeOf<boolean | undefined>();
  expectTypeOf(useActiveRoomsQuery({ prefix: 'x' }).data).toEqualTypeOf<
    InfiniteData<ActiveRoomsPage, ActiveRoomsPageParam> | undefined
  >();
  // @ts-expect-error clientId is required
  useIsUserPresentQuery('lobby');
  // @ts-expect-error direction is 'backwards' | 'forwards'
  usePresenceHistoryQuery('lobby', { direction: 'sideways' });
  return null;
}

describe('query hook types', () => {
  it('carry the presence data type into members, history events and batch results', () => {
    expectTypeOf(PresenceTypeChecks).toBeFunction();
  });

  it('type errors as Ably ErrorInfo, and type occupancy, "is present" and active rooms', () => {
    expectTypeOf(QueryTypeChecks).toBeFunction();
  });

  it('tag option builders’ keys, so getQueryData is typed', () => {
    const read = (queryClient: QueryClient, client: { realtime: Ably.Realtime }) =>
      queryClient.getQueryData(presenceQueryOptions<Cursor>(client, 'lobby').queryKey);
    expectTypeOf(read).returns.toEqualTypeOf<PresenceKitMember<Cursor>[] | undefined>();
  });
});

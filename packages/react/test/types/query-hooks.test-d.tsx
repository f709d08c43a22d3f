import { type InfiniteData, type QueryClient, skipToken } from '@tanstack/react-query';
import type * as Ably from 'ably';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useActiveRoomsQuery,
  useBatchPresenceQuery,
  useChannelOccupancyQuery,
  useIsUserPresentQuery,
  useOccupancyQuery,
  usePresenceHistoryQuery,
  usePresenceQuery,
} from '../../src/query.js';
import {
  type ActiveRoomsPage,
  type ActiveRoomsPageParam,
  type BatchPresenceRoomResult,
  type OccupancyCounts,
  type PresenceHistoryEvent,
  presenceQueryOptions,
} from '../../src/server.js';
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
  const typed = usePresenceQuery<Cursor>({ room: 'lobby', clientId: 'alice' });
  expectTypeOf(typed.data).toEqualTypeOf<PresenceKitMember<Cursor>[] | undefined>();
  expectTypeOf(typed.data?.[0]?.data).toEqualTypeOf<Cursor | undefined>();

  const untyped = usePresenceQuery({ room: 'lobby' });
  expectTypeOf(untyped.data).toEqualTypeOf<PresenceKitMember<DefaultPresenceData>[] | undefined>();

  const selected = usePresenceQuery<Cursor, number>({ room: 'lobby', select: (members) => members.length });
  expectTypeOf(selected.data).toEqualTypeOf<number | undefined>();

  const history = usePresenceHistoryQuery<Cursor>({ room: 'lobby', limit: 10 });
  expectTypeOf(history.data?.pages[0]?.events[0]).toEqualTypeOf<PresenceHistoryEvent<Cursor> | undefined>();
  expectTypeOf(history.data?.pages[0]?.events[0]?.action).toEqualTypeOf<Ably.PresenceAction | undefined>();

  const batch = useBatchPresenceQuery<Cursor>({ rooms: ['a', 'b'] });
  const entry = batch.data?.a;
  expectTypeOf(entry).toEqualTypeOf<BatchPresenceRoomResult<Cursor> | undefined>();
  if (entry?.status === 'success') expectTypeOf(entry.members[0]?.data).toEqualTypeOf<Cursor | undefined>();
  if (entry?.status === 'error') expectTypeOf(entry.error).toEqualTypeOf<Ably.ErrorInfo>();
  return null;
}

function QueryTypeChecks() {
  const counts = useOccupancyQuery({ room: 'lobby' });
  expectTypeOf(counts.data).toEqualTypeOf<OccupancyCounts | undefined>();
  expectTypeOf(counts.error).toEqualTypeOf<Ably.ErrorInfo | null>();
  expectTypeOf(useOccupancyQuery({ room: 'lobby', select: (o) => o.connections }).data).toEqualTypeOf<
    number | undefined
  >();
  expectTypeOf(useChannelOccupancyQuery().data?.metrics).toEqualTypeOf<OccupancyMetrics | undefined>();
  expectTypeOf(useIsUserPresentQuery({ clientId: 'alice' }).data).toEqualTypeOf<boolean | undefined>();
  // skipToken is accepted wherever a room or clientId may not be known yet.
  expectTypeOf(useIsUserPresentQuery({ room: skipToken, clientId: skipToken }).data).toEqualTypeOf<
    boolean | undefined
  >();
  expectTypeOf(useBatchPresenceQuery({ rooms: skipToken }).data).toEqualTypeOf<
    Readonly<Record<string, BatchPresenceRoomResult>> | undefined
  >();
  expectTypeOf(useActiveRoomsQuery({ prefix: 'x' }).data).toEqualTypeOf<
    InfiniteData<ActiveRoomsPage, ActiveRoomsPageParam> | undefined
  >();
  // @ts-expect-error clientId is required
  useIsUserPresentQuery({ room: 'lobby' });
  // @ts-expect-error direction is 'backwards' | 'forwards'
  usePresenceHistoryQuery({ room: 'lobby', direction: 'sideways' });
  // @ts-expect-error rooms is required
  useBatchPresenceQuery({});
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

import { describe, expectTypeOf, it } from 'vitest';
import type { useMember } from '../../src/hooks/use-member.js';
import type { useOccupancy } from '../../src/hooks/use-occupancy.js';
import type { usePeople } from '../../src/hooks/use-people.js';
import type { usePerson } from '../../src/hooks/use-person.js';
import type { UsePresenceOptions, UsePresenceResult, usePresence } from '../../src/hooks/use-presence.js';
import type { usePresenceListener } from '../../src/hooks/use-presence-listener.js';
import type { OccupancyMetrics, Person, PresenceKitMember } from '../../src/store/types.js';

interface Cursor {
  x: number;
  y: number;
}

// Type-level only: the hooks are never called, tsc (and vitest's expectTypeOf) check the signatures.
declare const listener: typeof usePresenceListener;
declare const presence: typeof usePresence;
declare const people: typeof usePeople;
declare const person: typeof usePerson;
declare const member: typeof useMember;
declare const occupancy: typeof useOccupancy;

describe('generic presence data', () => {
  it('flows from the type argument to members, people, one person, one member and usePresence', () => {
    expectTypeOf<ReturnType<typeof listener<Cursor>>>().toEqualTypeOf<readonly PresenceKitMember<Cursor>[]>();
    expectTypeOf<ReturnType<typeof people<Cursor>>>().toEqualTypeOf<readonly Person<Cursor>[]>();
    expectTypeOf<ReturnType<typeof person<Cursor>>>().toEqualTypeOf<Person<Cursor> | undefined>();
    expectTypeOf<Person<Cursor>['latest']>().toEqualTypeOf<PresenceKitMember<Cursor>>();
    expectTypeOf<ReturnType<typeof member<Cursor>>>().toEqualTypeOf<PresenceKitMember<Cursor> | undefined>();
    expectTypeOf<ReturnType<typeof presence<Cursor>>>().toEqualTypeOf<UsePresenceResult<Cursor>>();
    expectTypeOf<UsePresenceResult<Cursor>['update']>().parameters.toEqualTypeOf<[data?: Cursor]>();
    expectTypeOf<Parameters<typeof presence<Cursor>>[0]>().toEqualTypeOf<UsePresenceOptions<Cursor> | undefined>();
    expectTypeOf<UsePresenceOptions<Cursor>['data']>().toEqualTypeOf<Cursor | undefined>();
  });

  it('selectors infer their result, and occupancy exposes all eight metrics', () => {
    expectTypeOf<ReturnType<typeof occupancyOf>>().toEqualTypeOf<OccupancyMetrics>();
    expectTypeOf<ReturnType<typeof selectedOccupancy>>().toEqualTypeOf<number>();
    expectTypeOf<ReturnType<typeof selectedX>>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ReturnType<typeof selectedLatestY>>().toEqualTypeOf<number | undefined>();
    expectTypeOf<keyof OccupancyMetrics>().toEqualTypeOf<
      | 'connections'
      | 'publishers'
      | 'subscribers'
      | 'presenceConnections'
      | 'presenceMembers'
      | 'presenceSubscribers'
      | 'objectPublishers'
      | 'objectSubscribers'
    >();
  });
});

// Never called: these exist so tsc infers (and checks) hook calls with selectors.
const occupancyOf = () => occupancy();
const selectedOccupancy = () => occupancy({ select: (o) => o.presenceSubscribers });
const selectedX = () => listener({ select: (members: readonly PresenceKitMember<Cursor>[]) => members[0]?.data?.x });
const selectedLatestY = () =>
  person({ clientId: 'alice', select: (p: Person<Cursor> | undefined) => p?.latest.data?.y });
export const wrongField = () =>
  listener({
    // @ts-expect-error data is typed: a Cursor has no `name`
    select: (members: readonly PresenceKitMember<Cursor>[]) => members[0]?.data?.name,
  });

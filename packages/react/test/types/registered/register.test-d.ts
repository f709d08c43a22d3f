// The registered presence type, checked in its own program (tsconfig.json here): a registration is global, so it must
// not leak into the other tests. Run by `vitest` (project react-types, typecheck on) and by `pnpm typecheck`.
import type {
  Person,
  PresenceKitMember,
  UsePresenceResult,
  usePeople,
  usePerson,
  usePresence,
  usePresenceListener,
  useSelf,
} from '@presence-kit/react';
import { describe, expectTypeOf, it } from 'vitest';

interface Profile {
  name: string;
  status?: 'online' | 'away';
}

interface Cursor {
  x: number;
  y: number;
}

declare module '@presence-kit/react' {
  interface Register {
    presence: Profile;
  }
}

declare const listener: typeof usePresenceListener;
declare const people: typeof usePeople;
declare const person: typeof usePerson;
declare const presence: typeof usePresence;
declare const self: typeof useSelf;

describe('a registered presence type', () => {
  it('types every hook without a type argument', () => {
    expectTypeOf(listener()).toEqualTypeOf<readonly PresenceKitMember<Profile>[]>();
    expectTypeOf(people()).toEqualTypeOf<readonly Person<Profile>[]>();
    expectTypeOf(self()).toEqualTypeOf<PresenceKitMember<Profile> | undefined>();
    expectTypeOf(presence()).toEqualTypeOf<UsePresenceResult<Profile>>();
    expectTypeOf(person({ clientId: 'a' })).toEqualTypeOf<Person<Profile> | undefined>();
  });

  it('infers selections from the registered type', () => {
    const names = listener({ select: (members) => members.map((m) => m.data?.name) });
    expectTypeOf(names).toEqualTypeOf<(string | undefined)[]>();
    const status = person({ clientId: 'a', select: (p) => p?.latest.data?.status });
    expectTypeOf(status).toEqualTypeOf<'online' | 'away' | undefined>();
  });

  it('rejects data that does not match it', () => {
    presence({ data: { name: 'Ann', status: 'away' } });
    // @ts-expect-error status must be 'online' | 'away'
    presence({ data: { name: 'Ann', status: 'busy' } });
    // @ts-expect-error name is required
    presence({ data: { status: 'online' } });
  });

  it('still takes a per-call type: as a type argument, or through the select parameter', () => {
    expectTypeOf(listener<Cursor>()).toEqualTypeOf<readonly PresenceKitMember<Cursor>[]>();
    expectTypeOf(listener<Cursor, number>({ select: (m) => m.length })).toEqualTypeOf<number>();
    const xs = listener({ select: (members: readonly PresenceKitMember<Cursor>[]) => members.map((m) => m.data?.x) });
    expectTypeOf(xs).toEqualTypeOf<(number | undefined)[]>();
    expectTypeOf(presence<Cursor>().update).parameters.toEqualTypeOf<[data?: Cursor]>();
  });
});

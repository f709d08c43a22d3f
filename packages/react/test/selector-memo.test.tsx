import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { usePerson } from '../src/hooks/use-person.js';
import { usePresenceListener } from '../src/hooks/use-presence-listener.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import type { Person, PresenceKitMember } from '../src/store/types.js';
import { startKit } from './support/render-with-kit.js';

const WAIT = { timeout: 5_000 };
const calls = { person: 0, count: 0 };

// Module-level selectors keep their identity across renders, as the README recommends for long lists.
const selectName = (person: Person<{ name: string }> | undefined) => {
  calls.person++;
  return person?.latest.data?.name ?? '-';
};
const selectCount = (members: readonly PresenceKitMember<unknown>[]) => {
  calls.count++;
  return members.length;
};

let rerender: () => void = () => {};

function Reader() {
  const [tick, setTick] = useState(0);
  rerender = () => setTick((value) => value + 1);
  const name = usePerson({ clientId: 'bob', select: selectName });
  const count = usePresenceListener({ select: selectCount });
  return <p>{`${name} of ${count}, render ${tick}`}</p>;
}

describe('selectors under re-render', () => {
  it('a re-render with the same snapshot and the same select reuses the selection instead of running select again', async () => {
    const kit = await startKit();
    const bob = await kit.room(kit.chat('bob'), 'memo');
    await bob.presence.enter({ name: 'Bob' });
    kit.renderWithKit(
      <PresenceRoom name="memo">
        <Reader />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(() => expect(screen.getByText(/^Bob of 1/)).toBeTruthy(), WAIT);

    const before = { ...calls };
    for (let i = 1; i <= 5; i++) act(() => rerender());
    expect(screen.getByText('Bob of 1, render 5')).toBeTruthy();
    expect(calls).toEqual(before);
  });
});

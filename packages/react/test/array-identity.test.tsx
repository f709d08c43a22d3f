import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useOccupancy } from '../src/hooks/use-occupancy.js';
import { usePeople } from '../src/hooks/use-people.js';
import { usePresenceListener } from '../src/hooks/use-presence-listener.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import type { Person, PresenceKitMember } from '../src/store/types.js';
import { startKit } from './support/render-with-kit.js';

const WAIT = { timeout: 8_000 };
const LIVE = { occupancy: { enableEvents: true } };

interface Seen {
  members: Array<readonly PresenceKitMember[]>;
  people: Array<readonly Person[]>;
}

/** Records every array the two hooks return, render by render. `tick` forces a render with no store change. */
function Probe({ seen, tick }: { seen: Seen; tick: number }) {
  const members = usePresenceListener();
  const people = usePeople();
  const connections = useOccupancy({ select: (o) => o.connections });
  seen.members.push(members);
  seen.people.push(people);
  const summary = members.map((m) => `${m.clientId}=${JSON.stringify(m.data)}`).join(' ');
  return <p>{`tick ${tick}; ${connections} connections; ${summary}`}</p>;
}

describe('array identity of usePresenceListener() and usePeople() through the real SDK', () => {
  it('unchanged members give the same arrays; one update gives new arrays that keep every other member and person', async () => {
    const kit = await startKit();
    const bob = await kit.room(kit.chat('bob'), 'identity', LIVE);
    const carol = await kit.room(kit.chat('carol'), 'identity', LIVE);
    await bob.presence.enter({ v: 1 });
    await carol.presence.enter({ v: 1 });
    const seen: Seen = { members: [], people: [] };
    const view = kit.renderWithKit(
      <PresenceRoom name="identity" options={LIVE}>
        <Probe seen={seen} tick={0} />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(
      () => expect(screen.getByText('tick 0; 3 connections; bob={"v":1} carol={"v":1}')).toBeTruthy(),
      WAIT,
    );
    const members = seen.members.at(-1)!;
    const people = seen.people.at(-1)!;

    // A render with no store change returns the very same arrays.
    view.rerenderWithKit(
      <PresenceRoom name="identity" options={LIVE}>
        <Probe seen={seen} tick={1} />
      </PresenceRoom>,
    );
    expect(screen.getByText(/^tick 1;/)).toBeTruthy();
    expect(seen.members.at(-1)).toBe(members);
    expect(seen.people.at(-1)).toBe(people);

    // A new snapshot that changes only occupancy (a connection with no presence attaches) keeps both arrays.
    await kit.room(kit.chat('dave'), 'identity', LIVE);
    await waitFor(() => expect(screen.getByText(/^tick 1; 4 connections;/)).toBeTruthy(), WAIT);
    expect(seen.members.at(-1)).toBe(members);
    expect(seen.people.at(-1)).toBe(people);

    // One member's update: new arrays; the other member and person are the same objects.
    await act(() => bob.presence.update({ v: 2 }));
    await waitFor(() => expect(screen.getByText(/bob=\{"v":2\} carol=\{"v":1\}$/)).toBeTruthy(), WAIT);
    const afterUpdate = seen.members.at(-1)!;
    const peopleAfterUpdate = seen.people.at(-1)!;
    expect(afterUpdate).not.toBe(members);
    expect(peopleAfterUpdate).not.toBe(people);
    const byClient = <T extends { clientId: string }>(list: readonly T[], id: string) =>
      list.find((item) => item.clientId === id);
    expect(byClient(afterUpdate, 'carol')).toBe(byClient(members, 'carol'));
    expect(byClient(afterUpdate, 'bob')).not.toBe(byClient(members, 'bob'));
    expect(byClient(peopleAfterUpdate, 'carol')).toBe(byClient(people, 'carol'));
    expect(byClient(peopleAfterUpdate, 'bob')).not.toBe(byClient(people, 'bob'));
    expect(byClient(peopleAfterUpdate, 'bob')!.latest.data).toEqual({ v: 2 });

    // A leave: new arrays without bob; carol is still the same object.
    await act(() => bob.presence.leave());
    await waitFor(() => expect(screen.getByText(/connections; carol=\{"v":1\}$/)).toBeTruthy(), WAIT);
    expect(seen.members.at(-1)).toEqual([byClient(members, 'carol')]);
    expect(seen.members.at(-1)![0]).toBe(byClient(members, 'carol'));
    expect(seen.people.at(-1)![0]).toBe(byClient(people, 'carol'));
  });

  it("one person's second connection changes that person, and no one else", async () => {
    const kit = await startKit();
    const bob = await kit.room(kit.chat('bob'), 'tabs');
    const carol = await kit.room(kit.chat('carol'), 'tabs');
    await bob.presence.enter({ tab: 1 });
    await carol.presence.enter({ v: 1 });
    const seen: Seen = { members: [], people: [] };
    kit.renderWithKit(
      <PresenceRoom name="tabs">
        <Probe seen={seen} tick={0} />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(() => expect(screen.getByText(/bob=\{"tab":1\} carol=\{"v":1\}$/)).toBeTruthy(), WAIT);
    const before = { members: seen.members.at(-1)!, people: seen.people.at(-1)! };

    const bobTab2 = await kit.room(kit.chat('bob'), 'tabs');
    await act(() => bobTab2.presence.enter({ tab: 2 }));
    await waitFor(() => expect(screen.getByText(/bob=\{"tab":2\}$/)).toBeTruthy(), WAIT);
    const members = seen.members.at(-1)!;
    const people = seen.people.at(-1)!;
    expect(members).toHaveLength(3);
    expect(members.slice(0, 2)).toEqual(before.members); // the first two members are the same objects
    for (const [i, member] of members.slice(0, 2).entries()) expect(member).toBe(before.members[i]);
    expect(people).toHaveLength(2);
    expect(people[0]!.clientId).toBe('bob');
    expect(people[0]).not.toBe(before.people[0]);
    expect(people[0]!.connections.map((m) => m.data)).toEqual([{ tab: 1 }, { tab: 2 }]);
    expect(people[0]!.connections[0]).toBe(before.people[0]!.connections[0]);
    expect(people[1]).toBe(before.people[1]);
  });
});

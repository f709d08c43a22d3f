import { screen, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useIsPresent } from '../src/hooks/use-is-present.js';
import { usePeople } from '../src/hooks/use-people.js';
import { usePerson } from '../src/hooks/use-person.js';
import { usePresenceListener } from '../src/hooks/use-presence-listener.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { shallow } from '../src/store/shallow.js';
import type { Person } from '../src/store/types.js';
import { createManualFrameScheduler } from '../src/testing.js';
import { createRenderCounter, eventually, startKit } from './support/render-with-kit.js';

interface Profile {
  name: string;
}

const WAIT = { timeout: 5_000 };

function MemberList() {
  const members = usePresenceListener<Profile>();
  return (
    <ul aria-label="members">
      {members.map((member) => (
        <li key={member.key}>
          {member.clientId}:{member.data?.name}
        </li>
      ))}
    </ul>
  );
}

function People() {
  const people = usePeople<Profile>();
  const connections = usePresenceListener({ select: (members) => members.length });
  return (
    <div>
      <p>
        {people.length} people, {connections} connections
      </p>
      {people.map((person) => (
        <p key={person.clientId}>
          {person.clientId} x{person.connections.length}
        </p>
      ))}
    </div>
  );
}

interface Probe {
  renders: ReturnType<typeof createRenderCounter>;
  seen: Map<string, Person<Profile> | undefined>;
}

function Row({ clientId, probe }: { clientId: string; probe: Probe }) {
  const { renders, seen } = probe;
  const person = usePerson<Profile>({ clientId });
  const here = useIsPresent({ clientId });
  renders.bump(clientId);
  seen.set(clientId, person);
  return <li>{`${clientId}=${person?.latest.data?.name ?? '-'}${here ? '' : ' (away)'}`}</li>;
}
function Roster({ probe }: { probe: Probe }) {
  const { renders } = probe;
  // A derived array: `shallow` keeps it from re-rendering when only data changes.
  const ids = usePresenceListener({ select: (members) => members.map((m) => m.clientId).sort(), isEqual: shallow });
  renders.bump('roster');
  return (
    <ul>
      {ids.map((id) => (
        <Row key={id} clientId={id} probe={probe} />
      ))}
    </ul>
  );
}

describe('usePresenceListener', () => {
  it('shows members entered before and after mount, and drops those who leave', async () => {
    const kit = await startKit();
    const bob = await kit.room(kit.chat('bob'), 'lobby');
    await bob.presence.enter({ name: 'Bob' });

    kit.renderWithKit(
      <PresenceRoom name="lobby">
        <MemberList />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(() => expect(screen.getByText('bob:Bob')).toBeTruthy(), WAIT);

    const carol = await kit.room(kit.chat('carol'), 'lobby');
    await carol.presence.enter({ name: 'Carol' });
    await waitFor(() => expect(screen.getByText('carol:Carol')).toBeTruthy(), WAIT);

    await bob.presence.leave();
    await waitFor(() => expect(screen.queryByText('bob:Bob')).toBeNull(), WAIT);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['carol:Carol']);
  });

  it('works the same under StrictMode, with one room acquired and attached', async () => {
    const kit = await startKit();
    const viewer = kit.chat('viewer');
    const get = vi.spyOn(viewer.rooms, 'get');
    const release = vi.spyOn(viewer.rooms, 'release');
    const bob = await kit.room(kit.chat('bob'), 'strict');
    await bob.presence.enter({ name: 'Bob' });

    kit.renderWithKit(
      <PresenceRoom name="strict" options={{ occupancy: { enableEvents: true } }}>
        <MemberList />
      </PresenceRoom>,
      { client: viewer, strict: true },
    );
    await waitFor(() => expect(screen.getByText('bob:Bob')).toBeTruthy(), WAIT);
    // The double mount reused the room instead of releasing it and getting it again.
    expect(get).toHaveBeenCalledTimes(1);
    expect(release).not.toHaveBeenCalled();
    expect(kit.server.inspect.channelList().find((c) => c.name === 'strict::$chat')?.connections).toBe(2);
  });

  it('groups tabs of the same clientId into one person with several connections', async () => {
    const kit = await startKit();
    const tab1 = await kit.room(kit.chat('dana'), 'tabs');
    const tab2 = await kit.room(kit.chat('dana'), 'tabs');
    const erin = await kit.room(kit.chat('erin'), 'tabs');
    await Promise.all([
      tab1.presence.enter({ name: 'Dana' }),
      tab2.presence.enter({ name: 'Dana' }),
      erin.presence.enter({ name: 'Erin' }),
    ]);

    kit.renderWithKit(
      <PresenceRoom name="tabs">
        <People />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(() => expect(screen.getByText('2 people, 3 connections')).toBeTruthy(), WAIT);
    expect(screen.getByText('dana x2')).toBeTruthy();
    expect(screen.getByText('erin x1')).toBeTruthy();

    await tab2.presence.leave();
    await waitFor(() => expect(screen.getByText('2 people, 2 connections')).toBeTruthy(), WAIT);
    expect(screen.getByText('dana x1')).toBeTruthy();
  });
});

describe('render counts and referential stability', () => {
  it('re-renders only the component selecting the member whose data changed', async () => {
    const kit = await startKit();
    const names = ['amy', 'ben', 'cat'];
    const rooms = await Promise.all(names.map((name) => kit.room(kit.chat(name), 'stable')));
    await Promise.all(rooms.map((room, i) => room.presence.enter({ name: `${names[i]}-1` })));
    const renders = createRenderCounter();
    const seen = new Map<string, Person<Profile> | undefined>();

    kit.renderWithKit(
      <PresenceRoom name="stable">
        <Roster probe={{ renders, seen }} />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(() => expect(screen.getByText('cat=cat-1')).toBeTruthy(), WAIT);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3), WAIT);
    const before = {
      roster: renders.get('roster'),
      amy: renders.get('amy'),
      ben: renders.get('ben'),
      cat: renders.get('cat'),
    };
    const amyBefore = seen.get('amy');
    const catBefore = seen.get('cat');

    await rooms[1]!.presence.update({ name: 'ben-2' });
    await waitFor(() => expect(screen.getByText('ben=ben-2')).toBeTruthy(), WAIT);

    expect(renders.get('ben')).toBe(before.ben + 1);
    expect(renders.get('amy')).toBe(before.amy);
    expect(renders.get('cat')).toBe(before.cat);
    expect(renders.get('roster')).toBe(before.roster);
    expect(seen.get('amy')).toBe(amyBefore);
    expect(seen.get('cat')).toBe(catBefore);
  });

  it('commits at most once per frame for a burst of presence events, and never drops the last one', async () => {
    const kit = await startKit();
    const viewer = kit.chat('viewer');
    const frames = createManualFrameScheduler();
    const commits: string[] = [];
    kit.renderWithKit(
      <Profiler id="list" onRender={(_id, phase) => commits.push(phase)}>
        <PresenceRoom name="burst">
          <MemberList />
        </PresenceRoom>
      </Profiler>,
      { client: viewer, scheduler: frames.schedule },
    );
    // A second, plain subscription on the viewer's own room object: it sees events in the same tick the store does.
    // <PresenceRoom> passes no options (Ably Chat's defaults), so the same call returns the kit's room.
    const viewerRoom = await viewer.rooms.get('burst');
    await eventually(() => expect(viewerRoom.status).toBe('attached'));
    let received = 0;
    viewerRoom.presence.subscribe(() => {
      received++;
    });
    frames.flush();

    const burst = 20;
    const senders = await Promise.all(
      Array.from({ length: burst }, (_, i) => kit.room(kit.chat(`user-${i}`), 'burst')),
    );
    const commitsBefore = commits.length;
    await Promise.all(senders.map((room, i) => room.presence.enter({ name: `u${i}` })));
    await Promise.all(senders.map((room, i) => room.presence.update({ name: `u${i}-final` })));
    await eventually(() => expect(received).toBe(burst * 2));
    expect(commits.length).toBe(commitsBefore); // nothing reaches React until the frame

    await waitFor(() => {
      frames.flush();
      expect(screen.getAllByRole('listitem')).toHaveLength(burst);
    }, WAIT);
    expect(commits.length - commitsBefore).toBe(1);
    expect(screen.getByText(`user-${burst - 1}:u${burst - 1}-final`)).toBeTruthy();
  });
});

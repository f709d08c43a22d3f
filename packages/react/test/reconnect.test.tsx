import type { ChatClient } from '@ably/chat';
import { screen, waitFor } from '@testing-library/react';
import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { useConnectionErrorListener } from '../src/hooks/use-connection-error-listener.js';
import { useIsPresent } from '../src/hooks/use-is-present.js';
import { usePeople } from '../src/hooks/use-people.js';
import { usePresence } from '../src/hooks/use-presence.js';
import { usePresenceEventListener } from '../src/hooks/use-presence-event-listener.js';
import { usePresenceKit } from '../src/hooks/use-presence-kit.js';
import { usePresenceListener } from '../src/hooks/use-presence-listener.js';
import { useRoomErrorListener } from '../src/hooks/use-room-error-listener.js';
import { useSelf } from '../src/hooks/use-self.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { eventually, type Kit, startKit } from './support/render-with-kit.js';

const WAIT = { timeout: 8_000 };

/** What a viewer saw: every presence event, and every member list it rendered (to catch flicker). */
function createViewerLog() {
  return { events: [] as string[], renders: [] as string[] };
}

function Viewer({ log }: { log: ReturnType<typeof createViewerLog> }) {
  const ids = usePresenceListener({ select: (members) => members.map((m) => m.clientId).join(',') });
  const aliceHere = useIsPresent({ clientId: 'alice' });
  usePresenceEventListener({ listener: (event) => log.events.push(`${event.type}:${event.member.clientId}`) });
  log.renders.push(ids);
  return <p>{`viewer sees [${ids}] alice:${aliceHere ? 'here' : 'gone'}`}</p>;
}

function Alice({ status }: { status: string }) {
  const { isPresent } = usePresence({ data: { status } });
  const self = useSelf();
  return <p>{`alice ${isPresent ? 'present' : 'absent'} on ${self?.connectionId ?? '-'} with ${status}`}</p>;
}

function Watcher({ log }: { log: string[] }) {
  const people = usePeople({ select: (list) => list.length });
  useRoomErrorListener({ listener: (event) => log.push(`room:${event.kind}:${event.error.code}`) });
  const { client } = usePresenceKit();
  // The listener gets the error alone; the status it came with is the client's at that moment.
  useConnectionErrorListener({ listener: (error) => log.push(`connection:${client.connection.status}:${error.code}`) });
  log.push(`render:${people}`);
  return <p>{`${people} people`}</p>;
}

async function connectionStates(client: ChatClient) {
  const states: string[] = [];
  client.realtime.connection.on((change) => states.push(change.current));
  return states;
}

async function setup(kit: Kit, aliceOptions: Partial<Ably.ClientOptions> = {}) {
  const alice = kit.chat('alice', aliceOptions);
  const viewer = kit.chat('viewer');
  const log = createViewerLog();
  const ui = (status: string) => (
    <PresenceRoom name="blips">
      <Alice status={status} />
    </PresenceRoom>
  );
  const aliceView = kit.renderWithKit(ui('one'), { client: alice });
  kit.renderWithKit(
    <PresenceRoom name="blips">
      <Viewer log={log} />
    </PresenceRoom>,
    { client: viewer },
  );
  await waitFor(() => expect(screen.getByText('viewer sees [alice] alice:here')).toBeTruthy(), WAIT);
  await waitFor(() => expect(screen.getByText(/^alice present on \S+ with one$/)).toBeTruthy(), WAIT);
  return { alice, viewer, log, rerenderAlice: (status: string) => aliceView.rerenderWithKit(ui(status)) };
}

describe('reconnects', () => {
  it('REGRESSION: a connection blip while usePresence is mounted never shows the observer a leave', async () => {
    // A long server-side leave delay: the resume, not a race against the timer, is what must keep presence.
    const kit = await startKit({ presenceLeaveDelayMs: 10_000 });
    const { alice, log, rerenderAlice } = await setup(kit);
    const connectionId = alice.realtime.connection.id!;
    const states = await connectionStates(alice);

    kit.server.faults.drop(connectionId);
    await eventually(() => expect(states).toContain('connected'), 8_000);
    expect(states).toContain('disconnected');
    expect(alice.realtime.connection.id).toBe(connectionId); // resumed

    // Something observable after the blip: a leave caused by it would arrive before this update.
    rerenderAlice('two');
    await eventually(() => expect(log.events.at(-1)).toBe('update:alice'));
    expect(log.events.filter((event) => event.startsWith('leave'))).toEqual([]);
    expect(log.renders.filter((ids) => ids === '').length).toBe(1); // only the very first render, before attach
    expect(screen.getByText(`alice present on ${connectionId} with two`)).toBeTruthy();
  });

  it('a blip with refused reconnects for a while still resumes without a leave', async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 10_000 });
    // Retry quickly after the refused attempt (the SDK's default wait is 15 s).
    const { alice, log, rerenderAlice } = await setup(kit, { disconnectedRetryTimeout: 300 });
    const connectionId = alice.realtime.connection.id!;
    const states = await connectionStates(alice);
    kit.server.faults.refuseConnections(600);
    kit.server.faults.drop(alice.realtime.connection.id!);
    await eventually(() => expect(states.at(-1)).toBe('connected'), 8_000);
    expect(alice.realtime.connection.id).toBe(connectionId);

    rerenderAlice('after');
    await eventually(() => expect(log.events.at(-1)).toBe('update:alice'), 8_000);
    expect(log.events.some((event) => event.startsWith('leave'))).toBe(false);
  });

  it("the viewer's own drop with resume causes no flicker or re-read", async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 10_000 });
    const { viewer, log } = await setup(kit);
    const rendersBefore = log.renders.length;
    const states = await connectionStates(viewer);
    kit.server.faults.drop(viewer.realtime.connection.id!);
    await eventually(() => expect(states).toContain('connected'), 8_000);
    await eventually(async () => {
      const room = await viewer.rooms.get('blips');
      expect(room.status).toBe('attached');
    });
    expect(log.renders.slice(rendersBefore).every((ids) => ids === 'alice')).toBe(true);
    expect(log.events).toEqual(['enter:alice']);
  });

  it('after a failed resume (state lost) alice is present again on her new connection, and stays present', async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 300 });
    const { alice, log } = await setup(kit);
    const oldConnectionId = alice.realtime.connection.id!;

    kit.server.faults.drop(oldConnectionId, { loseState: true });
    await eventually(() => {
      const id = alice.realtime.connection.id;
      expect(id && id !== oldConnectionId).toBeTruthy();
    }, 8_000);
    const newConnectionId = alice.realtime.connection.id!;

    await waitFor(() => expect(screen.getByText(`alice present on ${newConnectionId} with one`)).toBeTruthy(), WAIT);
    // The viewer ends with exactly one alice (the old connection's member timed out), and never lost her as a person.
    await waitFor(() => expect(screen.getByText('viewer sees [alice] alice:here')).toBeTruthy(), WAIT);
    await eventually(() => expect(log.events.filter((e) => e === 'leave:alice')).toHaveLength(1), 8_000);
    expect(log.renders.slice(1).some((ids) => !ids.includes('alice'))).toBe(false);
  });

  it("after the viewer's failed resume, its member list is re-read and correct", async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 300 });
    const { viewer } = await setup(kit);
    const bob = await kit.room(kit.chat('bob'), 'blips');
    await bob.presence.enter({ status: 'b' });
    await waitFor(() => expect(screen.getByText('viewer sees [alice,bob] alice:here')).toBeTruthy(), WAIT);

    const oldId = viewer.realtime.connection.id!;
    kit.server.faults.drop(oldId, { loseState: true });
    // While the viewer is away, bob leaves: the viewer can only learn it from the re-sync.
    await bob.presence.leave();
    await eventually(() => expect(viewer.realtime.connection.id).not.toBe(oldId), 8_000);
    await waitFor(() => expect(screen.getByText('viewer sees [alice] alice:here')).toBeTruthy(), WAIT);
  });

  it('errors go to the error listeners, and a count does not re-render on a blip', async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 10_000 });
    const bob = await kit.room(kit.chat('bob'), 'watch');
    await bob.presence.enter();
    const viewer = kit.chat('viewer');
    const log: string[] = [];
    kit.renderWithKit(
      <PresenceRoom name="watch">
        <Watcher log={log} />
      </PresenceRoom>,
      { client: viewer },
    );
    await waitFor(() => expect(screen.getByText('1 people')).toBeTruthy(), WAIT);
    const rendersBefore = log.filter((entry) => entry.startsWith('render')).length;

    const states = await connectionStates(viewer);
    kit.server.faults.drop(viewer.realtime.connection.id!); // resumes
    await eventually(() => expect(states).toContain('connected'), 8_000);
    const oldId = viewer.realtime.connection.id!;
    kit.server.faults.drop(oldId, { loseState: true }); // fails to resume: 80008, then a discontinuity
    await eventually(() => expect(log).toContain('room:discontinuity:102100'), 8_000);
    expect(log).toContain('connection:connected:80008');
    await waitFor(() => expect(screen.getByText('1 people')).toBeTruthy(), WAIT);
    expect(log.filter((entry) => entry.startsWith('render')).length).toBe(rendersBefore);
  });
});

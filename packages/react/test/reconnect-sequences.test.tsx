import type { ChatClient } from '@ably/chat';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePresence } from '../src/hooks/use-presence.js';
import { usePresenceEventListener } from '../src/hooks/use-presence-event-listener.js';
import { usePresenceListener } from '../src/hooks/use-presence-listener.js';
import { useRoomStatus } from '../src/hooks/use-room-status.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { eventually, type Kit, startKit } from './support/render-with-kit.js';

const WAIT = { timeout: 8_000 };

/**
 * Exactly what an observer sees after a fault: every presence event (type, clientId and which of alice's connections,
 * as `@1` for the first and `@2` for the next), and every member list it rendered. Counting leaves would let a ghost
 * enter, a doubled enter or a missing update pass; the whole sequence does not.
 */
function createLog() {
  const connections: string[] = [];
  const tag = (clientId: string, connectionId: string) => {
    if (clientId !== 'alice') return clientId;
    if (!connections.includes(connectionId)) connections.push(connectionId);
    return `alice@${connections.indexOf(connectionId) + 1}`;
  };
  return { events: [] as string[], renders: [] as string[], tag };
}
type Log = ReturnType<typeof createLog>;

function Viewer({ log }: { log: Log }) {
  const ids = usePresenceListener({
    select: (members) => members.map((m) => log.tag(m.clientId, m.connectionId)).join(','),
  });
  const { isSynced } = useRoomStatus();
  usePresenceEventListener({
    listener: (event) => {
      const data = event.member.data === undefined ? '' : ` ${JSON.stringify(event.member.data)}`;
      log.events.push(`${event.type}:${log.tag(event.member.clientId, event.member.connectionId)}${data}`);
    },
  });
  if (isSynced) log.renders.push(ids);
  return <p>{isSynced ? `viewer sees [${ids}]` : 'viewer syncing'}</p>;
}

function Alice({ status }: { status: string }) {
  const { isPresent } = usePresence({ data: { status } });
  return <p>{`alice ${isPresent ? 'present' : 'absent'} with ${status}`}</p>;
}

/** The viewer first (synced on an empty room, so every later arrival is an event), then alice. */
async function setup(kit: Kit) {
  const log = createLog();
  const viewer = kit.chat('viewer');
  kit.renderWithKit(
    <PresenceRoom name="faults">
      <Viewer log={log} />
    </PresenceRoom>,
    { client: viewer },
  );
  await waitFor(() => expect(screen.getByText('viewer sees []')).toBeTruthy(), WAIT);
  const alice = kit.chat('alice', { disconnectedRetryTimeout: 300 });
  const ui = (status: string) => (
    <PresenceRoom name="faults">
      <Alice status={status} />
    </PresenceRoom>
  );
  const view = kit.renderWithKit(ui('one'), { client: alice });
  await waitFor(() => expect(screen.getByText('alice present with one')).toBeTruthy(), WAIT);
  await waitFor(() => expect(screen.getByText('viewer sees [alice@1]')).toBeTruthy(), WAIT);
  return { alice, viewer, log, setStatus: (status: string) => view.rerenderWithKit(ui(status)) };
}

function statesOf(client: ChatClient): string[] {
  const states: string[] = [];
  client.realtime.connection.on((change) => states.push(change.current));
  return states;
}

describe('exact event sequences an observer sees after faults', () => {
  it("alice's resumed blip: enter, then the next update; no leave, no re-enter, no flicker", async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 10_000 });
    const { alice, log, setStatus } = await setup(kit);
    const states = statesOf(alice);
    const connectionId = alice.realtime.connection.id!;
    kit.server.faults.drop(connectionId);
    await eventually(() => expect(states.at(-1)).toBe('connected'), 8_000);
    expect(alice.realtime.connection.id).toBe(connectionId);
    setStatus('two');
    await waitFor(() => expect(screen.getByText('viewer sees [alice@1]')).toBeTruthy(), WAIT);
    await eventually(() => expect(log.events.at(-1)).toBe('update:alice@1 {"status":"two"}'));
    expect(log.events).toEqual(['enter:alice@1 {"status":"one"}', 'update:alice@1 {"status":"two"}']);
    expect(new Set(log.renders)).toEqual(new Set(['', 'alice@1']));
    expect(log.renders.indexOf('')).toBe(0);
    expect(log.renders.lastIndexOf('')).toBe(0);
  });

  it("alice's failed resume: her new connection enters before the old one leaves, once each, then her next update", async () => {
    // The leave delay outlasts the reconnect and the kit's re-entry grace period, so the order is fixed.
    const kit = await startKit({ presenceLeaveDelayMs: 2_000 });
    const { alice, log, setStatus } = await setup(kit);
    const oldId = alice.realtime.connection.id!;
    kit.server.faults.drop(oldId, { loseState: true });
    await eventually(() => expect(alice.realtime.connection.id ?? oldId).not.toBe(oldId), 8_000);

    await eventually(() => expect(log.events.at(-1)).toBe('leave:alice@1 {"status":"one"}'), 8_000);
    setStatus('three');
    await eventually(() => expect(log.events.at(-1)).toBe('update:alice@2 {"status":"three"}'));
    expect(log.events).toEqual([
      'enter:alice@1 {"status":"one"}',
      'enter:alice@2 {"status":"one"}',
      'leave:alice@1 {"status":"one"}',
      'update:alice@2 {"status":"three"}',
    ]);
    // The viewer never lost alice as a person: every list it rendered after the first had her in it.
    expect(log.renders.slice(1).every((ids) => ids.includes('alice'))).toBe(true);
    expect(log.renders.at(-1)).toBe('alice@2');
    expect(kit.server.stats().members).toBe(1);
  });

  it("the viewer's failed resume: a member who left meanwhile goes with one leave, and nobody else changes", async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 300 });
    const { viewer, log } = await setup(kit);
    const bob = await kit.room(kit.chat('bob'), 'faults');
    await bob.presence.enter({ b: 1 });
    await waitFor(() => expect(screen.getByText('viewer sees [alice@1,bob]')).toBeTruthy(), WAIT);

    const oldId = viewer.realtime.connection.id!;
    kit.server.faults.drop(oldId, { loseState: true });
    await bob.presence.leave(); // while the viewer is away: it can only learn this from the re-read
    await eventually(() => expect(viewer.realtime.connection.id ?? oldId).not.toBe(oldId), 8_000);
    await waitFor(() => expect(screen.getByText('viewer sees [alice@1]')).toBeTruthy(), WAIT);
    await eventually(() => expect(log.events.at(-1)).toMatch(/^leave:bob/));
    expect(log.events).toEqual(['enter:alice@1 {"status":"one"}', 'enter:bob {"b":1}', 'leave:bob {"b":1}']);
    expect(log.renders.filter((ids) => ids !== 'alice@1,bob' && ids !== 'alice@1' && ids !== '')).toEqual([]);
  });
});

import { chatChannelName } from '@presence-kit/local-ably';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UsePresenceResult } from '../src/hooks/use-presence.js';
import { usePresence } from '../src/hooks/use-presence.js';
import { usePresenceListener } from '../src/hooks/use-presence-listener.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { eventually, startKit } from './support/render-with-kit.js';

/** Bugs the chaos run (packages/chaos, `pnpm test:chaos`) found, each reduced to the real SDK against local-ably. */

function Alice({ status }: { status: string }) {
  usePresence({ data: { status } });
  return null;
}

function Controlled({ api }: { api: { current?: UsePresenceResult } }) {
  api.current = usePresence({ data: { status: 'here' } });
  return null;
}

function Viewer() {
  const statuses = usePresenceListener({
    select: (members) => members.map((m) => `${m.clientId}=${(m.data as { status?: string })?.status}`).join(','),
  });
  return <p>{`viewer sees [${statuses}]`}</p>;
}

describe('chaos regressions', () => {
  it('CHAOS_SEED=20261130: an update made while a resume fails is not overwritten by the SDK re-entering stale data', async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 200 });
    const alice = kit.chat('alice', { disconnectedRetryTimeout: 150 });
    const viewer = kit.chat('viewer');
    const ui = (status: string) => (
      <PresenceRoom name="stale">
        <Alice status={status} />
      </PresenceRoom>
    );
    const view = kit.renderWithKit(ui('one'), { client: alice });
    kit.renderWithKit(
      <PresenceRoom name="stale">
        <Viewer />
      </PresenceRoom>,
      { client: viewer },
    );
    await waitFor(() => expect(screen.getByText('viewer sees [alice=one]')).toBeTruthy(), { timeout: 8_000 });
    const oldConnectionId = alice.realtime.connection.id!;

    // The resume fails (80008), and the update is queued while the SDK reconnects: ably-js then sends the queued
    // update first and its automatic re-entry, carrying the data it last saw echoed ('one'), after it.
    kit.server.faults.drop(oldConnectionId, { loseState: true });
    view.rerenderWithKit(ui('two'));

    const held = () =>
      kit.server.inspect
        .members(chatChannelName('stale'))
        .members.filter((m) => m.clientId === 'alice')
        .map((m) => [m.connectionId === oldConnectionId ? 'old' : 'new', (m.data as { status: string }).status]);
    await eventually(() => expect(held()).toEqual([['new', 'two']]), 8_000);
    await waitFor(() => expect(screen.getByText('viewer sees [alice=two]')).toBeTruthy(), { timeout: 8_000 });
  });

  it('CHAOS_SEED=20261130: after a failed resume, a leave stays a leave when the SDK re-attaches and re-enters by itself', async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 200 });
    const alice = kit.chat('alice', { disconnectedRetryTimeout: 150 });
    const api: { current?: UsePresenceResult } = {};
    kit.renderWithKit(
      <PresenceRoom name="ghost">
        <Controlled api={api} />
      </PresenceRoom>,
      { client: alice },
    );
    const held = () =>
      kit.server.inspect
        .members(chatChannelName('ghost'))
        .members.filter((m) => m.clientId === 'alice')
        .map((m) => m.connectionId);
    await eventually(() => expect(held()).toHaveLength(1));
    // Several operations on the first connection, so its msgSerial is ahead of the next connection's for a while.
    for (const status of ['a', 'b', 'c', 'd']) await api.current!.update({ status });
    const first = alice.realtime.connection.id!;
    kit.server.faults.drop(first, { loseState: true });
    await eventually(() => expect(alice.realtime.connection.id).not.toBe(first), 8_000);
    const second = alice.realtime.connection.id!;
    await eventually(() => expect(held()).toEqual([second]), 8_000);

    await api.current!.leave();
    await eventually(() => expect(held()).toEqual([]));
    // A plain drop: the resume succeeds, the channel re-attaches, and ably-js re-enters the member it still thinks
    // it has (it ignored our leave's echo as older than the first connection's last message).
    const reattached: boolean[] = [];
    alice.realtime.channels.get(chatChannelName('ghost')).on('attached', (change) => reattached.push(change.resumed));
    kit.server.faults.drop(second);
    await eventually(() => expect(reattached).toEqual([true]), 8_000);
    // The re-entry goes out right after the re-attach; the kit takes it back one grace period later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await eventually(() => expect(held()).toEqual([]), 8_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(held()).toEqual([]);
  });

  it('CHAOS_SEED=20261130: an update that failed while the connection was suspended is sent once it is back', async () => {
    const kit = await startKit({ presenceLeaveDelayMs: 200, connectionStateTtlMs: 500 });
    const alice = kit.chat('alice', { disconnectedRetryTimeout: 100, suspendedRetryTimeout: 300 });
    const ui = (status: string) => (
      <PresenceRoom name="suspended">
        <Alice status={status} />
      </PresenceRoom>
    );
    const view = kit.renderWithKit(ui('one'), { client: alice });
    const held = () =>
      kit.server.inspect
        .members(chatChannelName('suspended'))
        .members.filter((m) => m.clientId === 'alice')
        .map((m) => (m.data as { status: string }).status);
    await eventually(() => expect(held()).toEqual(['one']));
    const states: string[] = [];
    alice.realtime.connection.on((change) => states.push(change.current));

    // Unreachable for longer than the connection state TTL: the SDK suspends and fails the queued update.
    kit.server.faults.refuseConnections(1_500);
    kit.server.faults.drop(alice.realtime.connection.id!);
    view.rerenderWithKit(ui('two'));
    await eventually(() => expect(states).toContain('suspended'), 8_000);

    await eventually(() => expect(held()).toEqual(['two']), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(held()).toEqual(['two']);
  });
});

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useOccupancy } from '../src/hooks/use-occupancy.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { createRenderCounter, startKit } from './support/render-with-kit.js';

const WAIT = { timeout: 8_000 };
/** Occupancy events are off by default in Ably Chat (then useOccupancy polls); the live tests turn them on. */
const LIVE = { occupancy: { enableEvents: true } };

function AllMetrics({ pollIntervalMs }: { pollIntervalMs?: number }) {
  const occupancy = useOccupancy(pollIntervalMs ? { pollIntervalMs } : {});
  return <pre>{JSON.stringify(occupancy)}</pre>;
}

function Members({ renders }: { renders: ReturnType<typeof createRenderCounter> }) {
  const members = useOccupancy({ select: (o) => o.presenceMembers });
  renders.bump('members');
  return <p>{`members=${members}`}</p>;
}

describe('useOccupancy', () => {
  it('reports all eight metrics exactly, live from [meta]occupancy', async () => {
    const kit = await startKit();
    const bob = await kit.room(kit.chat('bob'), 'occ');
    await bob.presence.enter({ name: 'Bob' });
    await kit.room(kit.chat('carol'), 'occ'); // attached, not present

    kit.renderWithKit(
      <PresenceRoom name="occ" options={LIVE}>
        <AllMetrics />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    // viewer, bob and carol are attached with chat's default modes; only bob entered presence.
    const expected = {
      connections: 3,
      publishers: 3,
      subscribers: 3,
      presenceConnections: 3,
      presenceMembers: 1,
      presenceSubscribers: 3,
      objectPublishers: 0,
      objectSubscribers: 0,
    };
    await waitFor(() => expect(JSON.parse(screen.getByText(/connections/).textContent!)).toEqual(expected), WAIT);

    const dave = await kit.room(kit.chat('dave'), 'occ');
    await dave.presence.enter();
    await waitFor(
      () =>
        expect(JSON.parse(screen.getByText(/connections/).textContent!)).toEqual({
          ...expected,
          connections: 4,
          publishers: 4,
          subscribers: 4,
          presenceConnections: 4,
          presenceSubscribers: 4,
          presenceMembers: 2,
        }),
      WAIT,
    );
  });

  it('a selector re-renders only when its metric changes', async () => {
    const kit = await startKit();
    const renders = createRenderCounter();
    kit.renderWithKit(
      <PresenceRoom name="sel" options={LIVE}>
        <Members renders={renders} />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    const carol = await kit.room(kit.chat('carol'), 'sel'); // changes connections, not presenceMembers
    await waitFor(() => expect(screen.getByText('members=0')).toBeTruthy(), WAIT);
    const before = renders.get('members');
    await carol.presence.enter();
    await waitFor(() => expect(screen.getByText('members=1')).toBeTruthy(), WAIT);
    expect(renders.get('members')).toBe(before + 1);
  });

  it('polls REST when the room has occupancy events off (the default room options)', async () => {
    const kit = await startKit();
    const viewer = kit.chat('viewer');
    kit.renderWithKit(
      <PresenceRoom name="polled">
        <AllMetrics pollIntervalMs={1_000} />
      </PresenceRoom>,
      { client: viewer },
    );
    const bob = await kit.room(kit.chat('bob'), 'polled');
    await bob.presence.enter();
    await waitFor(() => {
      const metrics = JSON.parse(screen.getByText(/connections/).textContent!);
      expect(metrics).toMatchObject({ connections: 2, presenceMembers: 1, presenceSubscribers: 2 });
    }, WAIT);
    // The viewer's room never asked for occupancy events: the numbers came from polling.
    const room = await viewer.rooms.get('polled');
    expect(room.options().occupancy?.enableEvents).toBe(false);
  });
});

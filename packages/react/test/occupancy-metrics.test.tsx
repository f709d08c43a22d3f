import { screen, waitFor } from '@testing-library/react';
import * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { useOccupancy } from '../src/hooks/use-occupancy.js';
import { usePeople } from '../src/hooks/use-people.js';
import { usePresenceListener } from '../src/hooks/use-presence-listener.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { startKit } from './support/render-with-kit.js';

const WAIT = { timeout: 8_000 };
const LIVE = { occupancy: { enableEvents: true } };

function Counts() {
  const occupancy = useOccupancy();
  const people = usePeople({ select: (list) => list.map((p) => `${p.clientId}x${p.connections.length}`).join(',') });
  const members = usePresenceListener({ select: (list) => list.length });
  return (
    <>
      <pre data-testid="occupancy">{JSON.stringify(occupancy)}</pre>
      <p>{`people [${people}] members ${members}`}</p>
    </>
  );
}

const occupancyShown = () => JSON.parse(screen.getByTestId('occupancy').textContent!) as Record<string, number>;

describe('useOccupancy with several connections per person and mixed channel modes', () => {
  it('one clientId on two connections: two presence members and connections, one person with two connections', async () => {
    const kit = await startKit();
    const tab1 = await kit.room(kit.chat('alice'), 'tabs', LIVE);
    const tab2 = await kit.room(kit.chat('alice'), 'tabs', LIVE);
    await tab1.presence.enter({ tab: 1 });
    await tab2.presence.enter({ tab: 2 });
    kit.renderWithKit(
      <PresenceRoom name="tabs" options={LIVE}>
        <Counts />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    // The viewer and both tabs attach with Ably Chat's default modes.
    const all = {
      connections: 3,
      publishers: 3,
      subscribers: 3,
      presenceConnections: 3,
      presenceMembers: 2,
      presenceSubscribers: 3,
      objectPublishers: 0,
      objectSubscribers: 0,
    };
    await waitFor(() => expect(occupancyShown()).toEqual(all), WAIT);
    await waitFor(() => expect(screen.getByText('people [alicex2] members 2')).toBeTruthy(), WAIT);

    await tab1.presence.leave();
    await waitFor(() => expect(occupancyShown()).toEqual({ ...all, presenceMembers: 1 }), WAIT);
    await waitFor(() => expect(screen.getByText('people [alicex1] members 1')).toBeTruthy(), WAIT);
    await tab1.detach();
    await waitFor(
      () =>
        expect(occupancyShown()).toEqual({
          ...all,
          connections: 2,
          publishers: 2,
          subscribers: 2,
          presenceConnections: 2,
          presenceSubscribers: 2,
          presenceMembers: 1,
        }),
      WAIT,
    );
  });

  it('presence and presence-subscribe modes counted apart, as the hook reports them', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <PresenceRoom name="modes" options={LIVE}>
        <Counts />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(() => expect(occupancyShown().connections).toBe(1), WAIT);
    // Raw clients on the room's channel with narrower modes than Ably Chat's default.
    const raw = (clientId: string) =>
      new Ably.Realtime({ ...kit.server.clientOptions(clientId), logLevel: 0 } as Ably.ClientOptions);
    const speakerClient = raw('speaker');
    const listenerClient = raw('listener');
    try {
      const speaker = speakerClient.channels.get('modes::$chat', { modes: ['PRESENCE'] });
      const listener = listenerClient.channels.get('modes::$chat', { modes: ['PRESENCE_SUBSCRIBE'] });
      await listener.attach();
      await speaker.presence.enter({ talking: true });
      await waitFor(
        () =>
          expect(occupancyShown()).toEqual({
            connections: 3,
            publishers: 1,
            subscribers: 1,
            presenceConnections: 2,
            presenceMembers: 1,
            presenceSubscribers: 2,
            objectPublishers: 0,
            objectSubscribers: 0,
          }),
        WAIT,
      );
      await waitFor(() => expect(screen.getByText('people [speakerx1] members 1')).toBeTruthy(), WAIT);
    } finally {
      speakerClient.close();
      listenerClient.close();
    }
  });
});

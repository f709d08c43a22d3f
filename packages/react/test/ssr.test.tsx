import { ChatClient, LogLevel } from '@ably/chat';
import { act, screen, waitFor } from '@testing-library/react';
import * as Ably from 'ably';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { useConnectionStatus } from '../src/hooks/use-connection-status.js';
import { useOccupancy } from '../src/hooks/use-occupancy.js';
import { usePeople } from '../src/hooks/use-people.js';
import { usePresence } from '../src/hooks/use-presence.js';
import { usePresenceListener } from '../src/hooks/use-presence-listener.js';
import { useRoomStatus } from '../src/hooks/use-room-status.js';
import { PresenceKitProvider } from '../src/provider/presence-kit-provider.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { startKit } from './support/render-with-kit.js';

function Page() {
  usePresence({ data: { name: 'Alice' } });
  const members = usePresenceListener();
  const people = usePeople({ select: (list) => list.length });
  const connections = useOccupancy({ select: (o) => o.connections });
  const room = useRoomStatus();
  const connection = useConnectionStatus();
  const readiness = `synced=${room.isSynced} counted=${room.hasOccupancy}`;
  return (
    <p>{`members=${members.length} people=${people} connections=${connections} room=${room.status} conn=${connection.status} ${readiness}`}</p>
  );
}

const app = (client: ChatClient) => (
  <PresenceKitProvider client={client}>
    {/* Live occupancy events (Ably Chat's default is off, and then useOccupancy polls every 15 s). */}
    <PresenceRoom name="ssr" options={{ occupancy: { enableEvents: true } }}>
      <Page />
    </PresenceRoom>
  </PresenceKitProvider>
);

describe('server rendering', () => {
  it('renderToString creates no connection and renders the frozen empty state', async () => {
    const kit = await startKit();
    const realtime = new Ably.Realtime({
      ...kit.server.clientOptions('alice'),
      autoConnect: false,
      logLevel: 0,
    } as Ably.ClientOptions);
    const serverClient = new ChatClient(realtime, { logLevel: LogLevel.Silent });
    const get = vi.spyOn(serverClient.rooms, 'get');

    const html = renderToString(app(serverClient));

    expect(html).toContain(
      'members=0 people=0 connections=0 room=initialized conn=initialized synced=false counted=false',
    );
    expect(get).not.toHaveBeenCalled();
    expect(realtime.connection.state).toBe('initialized');
    expect(kit.server.stats().connections).toBe(0);
    realtime.close();
  });

  it('hydrates the server HTML without mismatches, then goes live', async () => {
    const kit = await startKit();
    const serverRealtime = new Ably.Realtime({
      ...kit.server.clientOptions('alice'),
      autoConnect: false,
    } as Ably.ClientOptions);
    const html = renderToString(app(new ChatClient(serverRealtime, { logLevel: LogLevel.Silent })));
    serverRealtime.close();
    const bob = await kit.room(kit.chat('bob'), 'ssr');
    await bob.presence.enter();

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.appendChild(container);
    const recoverable = vi.fn();
    const consoleError = vi.spyOn(console, 'error');
    const client = kit.chat('alice');
    const root = await act(async () => hydrateRoot(container, app(client), { onRecoverableError: recoverable }));

    await waitFor(
      () =>
        expect(
          screen.getByText(/members=2 people=2 connections=2 room=attached conn=connected synced=true counted=true/),
        ).toBeTruthy(),
      {
        timeout: 8_000,
      },
    );
    expect(recoverable).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
    consoleError.mockRestore();
  });
});

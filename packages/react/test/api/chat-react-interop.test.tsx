import type { ChatClient, PresenceEvent } from '@ably/chat';
import { ChatClientProvider, ChatRoomProvider, useRoom } from '@ably/chat/react';
import { screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useOccupancy } from '../../src/hooks/use-occupancy.js';
import { usePeople } from '../../src/hooks/use-people.js';
import { usePresence } from '../../src/hooks/use-presence.js';
import { useRoomStatus } from '../../src/hooks/use-room-status.js';
import { PresenceKitProvider } from '../../src/provider/presence-kit-provider.js';
import { PresenceRoom } from '../../src/provider/presence-room.js';
import { eventually, type Kit, startKit } from '../support/render-with-kit.js';

const WAIT = { timeout: 5_000 };

/** What `@ably/chat/react` sees of the room. */
function ChatSide() {
  const { roomStatus } = useRoom();
  return <p data-testid="chat">{roomStatus}</p>;
}

/** What the kit sees of the same room. */
function KitSide() {
  const { isPresent } = usePresence({ data: { name: 'Alice' } });
  const people = usePeople({ select: (p) => p.length });
  const { status } = useRoomStatus();
  return (
    <p data-testid="kit">
      {status}:{isPresent ? 'present' : 'absent'}:{people}
    </p>
  );
}

function App({
  client,
  chat,
  kit,
  order,
}: {
  client: ChatClient;
  chat: boolean;
  kit: boolean;
  order: 'kit-first' | 'chat-first';
}) {
  const chatTree: ReactNode = chat ? (
    <ChatRoomProvider name="shared">
      <ChatSide />
    </ChatRoomProvider>
  ) : null;
  const kitTree: ReactNode = kit ? (
    <PresenceRoom name="shared">
      <KitSide />
    </PresenceRoom>
  ) : null;
  return (
    <ChatClientProvider client={client}>
      <PresenceKitProvider client={client}>
        {order === 'kit-first' ? kitTree : chatTree}
        {order === 'kit-first' ? chatTree : kitTree}
      </PresenceKitProvider>
    </ChatClientProvider>
  );
}

async function observe(kit: Kit) {
  const observer = await kit.room(kit.chat('observer'), 'shared');
  const events: string[] = [];
  observer.presence.subscribe((event: PresenceEvent) => {
    if (event.member.clientId !== 'observer') events.push(`${event.type}:${event.member.clientId}`);
  });
  return events;
}

describe('beside @ably/chat/react on the same ChatClient and room', () => {
  for (const order of ['kit-first', 'chat-first'] as const) {
    it(`shares the room (${order}); neither side releases it while the other holds it`, async () => {
      const kit = await startKit();
      const events = await observe(kit);
      const client = kit.chat('alice');
      const render = (chat: boolean, withKit: boolean) => (
        <App client={client} chat={chat} kit={withKit} order={order} />
      );
      const view = kit.renderWithKit(order === 'kit-first' ? render(false, true) : render(true, false), {});
      // The second side mounts once the first holds the room: no 102107, one room for both.
      view.rerender(render(true, true));
      await waitFor(() => expect(screen.getByTestId('kit').textContent).toBe('attached:present:1'), WAIT);
      await waitFor(() => expect(screen.getByTestId('chat').textContent).toBe('attached'), WAIT);
      const room = await client.rooms.get('shared');

      // The chat side goes: the kit keeps the room and its presence.
      view.rerender(render(false, true));
      await new Promise((resolve) => setTimeout(resolve, 300)); // past ChatRoomProvider's 100 ms release delay
      expect(room.status).toBe('attached');
      expect(screen.getByTestId('kit').textContent).toBe('attached:present:1');
      expect(events).toEqual(['enter:alice']);

      // The chat side comes back and the kit goes: the chat side keeps the room, and the kit leaves presence.
      view.rerender(render(true, true));
      await waitFor(() => expect(screen.getByTestId('chat').textContent).toBe('attached'), WAIT);
      view.rerender(render(true, false));
      await eventually(() => expect(events).toEqual(['enter:alice', 'leave:alice']));
      expect(room.status).toBe('attached');
      expect(screen.getByTestId('chat').textContent).toBe('attached');

      // The last holder goes: now the room is really released.
      view.rerender(render(false, false));
      await eventually(() => expect(room.status).toBe('released'));
    });
  }

  it('falls back to polling occupancy when the shared room has occupancy events off (chat defaults)', async () => {
    const kit = await startKit();
    await (await kit.room(kit.chat('bob'), 'shared')).presence.enter();
    const client = kit.chat('alice');
    kit.renderWithKit(
      <ChatClientProvider client={client}>
        <ChatRoomProvider name="shared">
          <ChatSide />
          <PresenceKitProvider client={client}>
            <PresenceRoom name="shared">
              <Count />
            </PresenceRoom>
          </PresenceKitProvider>
        </ChatRoomProvider>
      </ChatClientProvider>,
      {},
    );
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('2'), WAIT);
  });

  it('fails with a clear error, not a crash, when the kit asks for the room with different options', async () => {
    const kit = await startKit();
    const client = kit.chat('alice');
    const tree = (withKit: boolean) => (
      <ChatClientProvider client={client}>
        <ChatRoomProvider name="shared">
          <ChatSide />
        </ChatRoomProvider>
        <PresenceKitProvider client={client}>
          {withKit ? (
            <PresenceRoom name="shared" options={{ occupancy: { enableEvents: true } }}>
              <Status />
            </PresenceRoom>
          ) : null}
        </PresenceKitProvider>
      </ChatClientProvider>
    );
    const view = kit.renderWithKit(tree(false), {});
    await waitFor(() => expect(screen.getByTestId('chat').textContent).toBe('attached'), WAIT);
    view.rerender(tree(true));
    await waitFor(() => expect(screen.getByTestId('kit').textContent).toBe('failed:104003:102107'), WAIT);
    expect(screen.getByTestId('chat').textContent).toBe('attached');
  });

  it('shares one registry between two providers on one client: one store, and one leaving keeps the room', async () => {
    const kit = await startKit();
    const events = await observe(kit);
    const client = kit.chat('alice');
    const tree = (second: boolean) => (
      <>
        <PresenceKitProvider client={client}>
          <PresenceRoom name="shared">
            <KitSide />
          </PresenceRoom>
        </PresenceKitProvider>
        {second ? (
          <PresenceKitProvider client={client}>
            <PresenceRoom name="shared">
              <p data-testid="second">
                <PeopleCount />
              </p>
            </PresenceRoom>
          </PresenceKitProvider>
        ) : null}
      </>
    );
    const view = kit.renderWithKit(tree(true), {});
    await waitFor(() => expect(screen.getByTestId('kit').textContent).toBe('attached:present:1'), WAIT);
    await waitFor(() => expect(screen.getByTestId('second').textContent).toBe('1'), WAIT);
    view.rerender(tree(false));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.getByTestId('kit').textContent).toBe('attached:present:1');
    expect(events).toEqual(['enter:alice']);
  });
});

function PeopleCount() {
  return <>{usePeople({ select: (p) => p.length })}</>;
}

function Count() {
  const connections = useOccupancy({ select: (o) => o.connections });
  return <p data-testid="count">{connections}</p>;
}

function Status() {
  const { status, error } = useRoomStatus();
  return (
    <p data-testid="kit">
      {status}:{error?.code}:{error?.cause?.code}
    </p>
  );
}

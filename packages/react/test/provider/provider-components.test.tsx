import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode, useContext } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceKitError, PresenceKitErrorCode } from '../../src/errors.js';
import { usePresenceKit } from '../../src/hooks/use-presence-kit.js';
import { useRoomStatus } from '../../src/hooks/use-room-status.js';
import { usePresenceKitContext } from '../../src/internal/presence-kit-context.js';
import { RoomContext } from '../../src/internal/room-context.js';
import { PresenceKitProvider } from '../../src/provider/presence-kit-provider.js';
import { PresenceRoom } from '../../src/provider/presence-room.js';
import { registryFor } from '../../src/provider/room-registry.js';
import { animationFrameScheduler, createManualFrameScheduler } from '../../src/store/frame-scheduler.js';
import { createFakeClient } from './support/fake-client.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Status() {
  const { status } = useRoomStatus();
  return <p>{`status ${status}`}</p>;
}

function KitProbe({ kit }: { kit: { value?: ReturnType<typeof usePresenceKit> } }) {
  kit.value = usePresenceKit();
  return null;
}

function RoomName() {
  const scope = useContext(RoomContext);
  return <p>{`room ${scope?.name}`}</p>;
}

function Registry({ seen }: { seen: unknown[] }) {
  seen.push(usePresenceKitContext('test').registry);
  return null;
}

describe('<PresenceKitProvider>', () => {
  it('without a client it throws 104002 that says what to pass', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let thrown: unknown;
    try {
      render(<PresenceKitProvider client={undefined as never} />);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PresenceKitError);
    expect(thrown).toMatchObject({ code: PresenceKitErrorCode.InvalidArgument });
    expect((thrown as Error).message).toBe(
      '<PresenceKitProvider> needs a client: pass client={new ChatClient(realtime)}.',
    );
  });

  it('shares the client and query client, and one registry per client, with the frame scheduler by default', () => {
    const fake = createFakeClient();
    const queryClient = { marker: true } as never;
    const seen: unknown[] = [];
    const kit: { value?: ReturnType<typeof usePresenceKit> } = {};
    render(
      <PresenceKitProvider client={fake.client} queryClient={queryClient}>
        <KitProbe kit={kit} />
        <Registry seen={seen} />
      </PresenceKitProvider>,
    );
    expect(kit.value!.client).toBe(fake.client);
    expect(kit.value!.queryClient).toBe(queryClient);
    expect(seen[0]).toBe(registryFor(fake.client, animationFrameScheduler));
  });

  it('a new client or query client reaches the hooks', () => {
    const first = createFakeClient();
    const second = createFakeClient();
    const kit: { value?: ReturnType<typeof usePresenceKit> } = {};
    const seen: unknown[] = [];
    const ui = (client: typeof first.client, queryClient: unknown) => (
      <PresenceKitProvider client={client} queryClient={queryClient as never}>
        <KitProbe kit={kit} />
        <Registry seen={seen} />
      </PresenceKitProvider>
    );
    const view = render(ui(first.client, undefined));
    const queryClient = { marker: 1 };
    view.rerender(ui(first.client, queryClient));
    expect(kit.value!.queryClient).toBe(queryClient);
    view.rerender(ui(second.client, queryClient));
    expect(kit.value!.client).toBe(second.client);
    expect(seen.at(-1)).not.toBe(seen[0]);
    expect((seen.at(-1) as { client: unknown }).client).toBe(second.client);
  });

  it('keeps the first scheduler across re-renders', () => {
    const fake = createFakeClient();
    const first = createManualFrameScheduler().schedule;
    const seen: unknown[] = [];
    const view = render(
      <PresenceKitProvider client={fake.client} scheduler={first}>
        <Registry seen={seen} />
      </PresenceKitProvider>,
    );
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    view.rerender(
      <PresenceKitProvider client={fake.client} scheduler={createManualFrameScheduler().schedule}>
        <Registry seen={seen} />
      </PresenceKitProvider>,
    );
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    expect((seen[0] as { scheduler: unknown }).scheduler).toBe(first);
  });
});

describe('<PresenceRoom>', () => {
  it('acquires the room in an effect, survives StrictMode, and lets it go after unmount', async () => {
    const fake = createFakeClient();
    const view = render(
      <StrictMode>
        <PresenceKitProvider client={fake.client} scheduler={createManualFrameScheduler().schedule}>
          <PresenceRoom name="lobby" options={{ occupancy: { enableEvents: true } }}>
            <Status />
          </PresenceRoom>
        </PresenceKitProvider>
      </StrictMode>,
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(screen.getByText('status attached')).toBeTruthy();
    expect(fake.log).toEqual(['get lobby']);
    expect(fake.options.get('lobby')).toEqual({ occupancy: { enableEvents: true } });
    view.unmount();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(fake.log).toEqual(['get lobby', 'release lobby']);
  });

  it('remounting after the room was let go acquires it again', async () => {
    const fake = createFakeClient();
    const ui = (show: boolean) => (
      <PresenceKitProvider client={fake.client} scheduler={createManualFrameScheduler().schedule}>
        {show ? (
          <PresenceRoom name="lobby">
            <Status />
          </PresenceRoom>
        ) : null}
      </PresenceKitProvider>
    );
    const view = render(ui(true));
    const tick = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 5))));
    await tick();
    view.rerender(ui(false));
    await tick();
    view.rerender(ui(true));
    await tick();
    expect(fake.log).toEqual(['get lobby', 'release lobby', 'get lobby']);
    expect(screen.getByText('status attached')).toBeTruthy();
  });

  it('a new name switches to the new room and lets the old one go', async () => {
    const fake = createFakeClient();
    const ui = (name: string) => (
      <PresenceKitProvider client={fake.client} scheduler={createManualFrameScheduler().schedule}>
        <PresenceRoom name={name}>
          <RoomName />
        </PresenceRoom>
      </PresenceKitProvider>
    );
    const tick = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 5))));
    const view = render(ui('a'));
    await tick();
    expect(screen.getByText('room a')).toBeTruthy();
    view.rerender(ui('b'));
    await tick();
    expect(screen.getByText('room b')).toBeTruthy();
    expect(fake.log).toEqual(['get a', 'get b', 'release a']);
  });

  it('outside a provider, and with a bad name, it throws errors naming <PresenceRoom>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<PresenceRoom name="x" />)).toThrow(
      expect.objectContaining({ code: PresenceKitErrorCode.MissingProvider }),
    );
    expect(() => render(<PresenceRoom name="x" />)).toThrow(
      /^<PresenceRoom> must be used within <PresenceKitProvider>/,
    );
    const fake = createFakeClient();
    expect(() =>
      render(
        <PresenceKitProvider client={fake.client}>
          <PresenceRoom name="" />
        </PresenceKitProvider>,
      ),
    ).toThrow(/^<PresenceRoom> was given an empty room name/);
    expect(fake.log).toEqual([]);
  });
});

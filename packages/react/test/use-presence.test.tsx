import type { PresenceEvent } from '@ably/chat';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePresence } from '../src/hooks/use-presence.js';
import { useSelf } from '../src/hooks/use-self.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { eventually, type Kit, startKit } from './support/render-with-kit.js';

interface Status {
  status: string;
}

const WAIT = { timeout: 5_000 };

function Me({ data, room }: { data?: Status; room?: string }) {
  const { isPresent } = usePresence<Status>({ data, room });
  return <p>{isPresent ? `present:${data?.status ?? ''}` : 'absent'}</p>;
}

function Manual() {
  const { isPresent, enter, leave } = usePresence<Status>({ enterOnMount: false });
  const self = useSelf<Status>();
  return (
    <div>
      <p>{isPresent ? `in:${self?.data?.status}` : 'out'}</p>
      <button type="button" onClick={() => void enter({ status: 'manual' })}>
        join
      </button>
      <button type="button" onClick={() => void leave()}>
        part
      </button>
    </div>
  );
}

/** A plain SDK client in the room that records what other clients see: `enter:alice:{"status":"a"}`. */
async function observe(kit: Kit, room: string) {
  const observer = await kit.room(kit.chat('observer'), room);
  const events: string[] = [];
  observer.presence.subscribe((event: PresenceEvent) => {
    if (event.member.clientId === 'observer') return;
    events.push(`${event.type}:${event.member.clientId}:${JSON.stringify(event.member.data ?? null)}`);
  });
  return events;
}

describe('usePresence', () => {
  it('enters on mount with its data, shows isPresent from the echo, and leaves on unmount', async () => {
    const kit = await startKit();
    const events = await observe(kit, 'p1');
    const view = kit.renderWithKit(
      <PresenceRoom name="p1">
        <Me data={{ status: 'hi' }} />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    await waitFor(() => expect(screen.getByText('present:hi')).toBeTruthy(), WAIT);
    await eventually(() => expect(events).toEqual(['enter:alice:{"status":"hi"}']));

    view.rerenderWithKit(<PresenceRoom name="p1">{null}</PresenceRoom>);
    await eventually(() => expect(events).toEqual(['enter:alice:{"status":"hi"}', 'leave:alice:{"status":"hi"}']));
  });

  it('sends one enter under StrictMode (no enter-leave-enter flicker)', async () => {
    const kit = await startKit();
    const events = await observe(kit, 'p2');
    const view = kit.renderWithKit(
      <PresenceRoom name="p2">
        <Me data={{ status: 'a' }} />
      </PresenceRoom>,
      { client: kit.chat('alice'), strict: true },
    );
    await waitFor(() => expect(screen.getByText('present:a')).toBeTruthy(), WAIT);
    view.rerenderWithKit(
      <PresenceRoom name="p2">
        <Me data={{ status: 'b' }} />
      </PresenceRoom>,
    );
    await eventually(() => expect(events).toEqual(['enter:alice:{"status":"a"}', 'update:alice:{"status":"b"}']));
  });

  it('updates only when data changes by value: a new object with the same contents sends nothing', async () => {
    const kit = await startKit();
    const events = await observe(kit, 'p3');
    const tree = (status: string) => (
      <PresenceRoom name="p3">
        <Me data={{ status }} />
      </PresenceRoom>
    );
    const view = kit.renderWithKit(tree('one'), { client: kit.chat('alice') });
    await waitFor(() => expect(screen.getByText('present:one')).toBeTruthy(), WAIT);
    view.rerenderWithKit(tree('one')); // a new object, same value
    view.rerenderWithKit(tree('one'));
    view.rerenderWithKit(tree('two'));
    await eventually(() => expect(events).toEqual(['enter:alice:{"status":"one"}', 'update:alice:{"status":"two"}']));
  });

  it('is reference-counted: unmounting one of two users in a room does not leave', async () => {
    const kit = await startKit();
    const events = await observe(kit, 'p4');
    const tree = (first: boolean, second: string | null) => (
      <PresenceRoom name="p4">
        {first ? <Me data={{ status: 'x' }} /> : null}
        {second ? <Me data={{ status: second }} /> : null}
      </PresenceRoom>
    );
    const view = kit.renderWithKit(tree(true, 'x'), { client: kit.chat('alice') });
    await eventually(() => expect(events).toEqual(['enter:alice:{"status":"x"}']));

    view.rerenderWithKit(tree(false, 'x'));
    // Something observable after the unmount: if it had left, the leave would come before this update.
    view.rerenderWithKit(tree(false, 'y'));
    await eventually(() => expect(events).toEqual(['enter:alice:{"status":"x"}', 'update:alice:{"status":"y"}']));
    expect(screen.getByText('present:y')).toBeTruthy();

    view.rerenderWithKit(tree(false, null));
    await eventually(() => expect(events.at(-1)).toBe('leave:alice:{"status":"y"}'));
    expect(events).toHaveLength(3);
  });

  it('with enterOnMount: false waits for enter(), and leave() leaves while mounted', async () => {
    const kit = await startKit();
    const events = await observe(kit, 'p5');
    kit.renderWithKit(
      <PresenceRoom name="p5">
        <Manual />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    expect(screen.getByText('out')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('join'));
    });
    await waitFor(() => expect(screen.getByText('in:manual')).toBeTruthy(), WAIT);
    fireEvent.click(screen.getByText('part'));
    await waitFor(() => expect(screen.getByText('out')).toBeTruthy(), WAIT);
    expect(events).toEqual(['enter:alice:{"status":"manual"}', 'leave:alice:{"status":"manual"}']);
  });

  it('takes a room name directly when used outside <PresenceRoom>', async () => {
    const kit = await startKit();
    const events = await observe(kit, 'direct');
    const view = kit.renderWithKit(<Me data={{ status: 'direct' }} room="direct" />, { client: kit.chat('alice') });
    await waitFor(() => expect(screen.getByText('present:direct')).toBeTruthy(), WAIT);
    view.unmount();
    await eventually(() =>
      expect(events).toEqual(['enter:alice:{"status":"direct"}', 'leave:alice:{"status":"direct"}']),
    );
  });
});

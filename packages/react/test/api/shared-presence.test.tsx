import type { JsonObject, PresenceEvent } from '@ably/chat';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type UsePresenceResult, usePresence } from '../../src/hooks/use-presence.js';
import { useSelf } from '../../src/hooks/use-self.js';
import { resetWarnings } from '../../src/internal/dev-warning.js';
import { PresenceRoom } from '../../src/provider/presence-room.js';
import { eventually, type Kit, startKit } from '../support/render-with-kit.js';

const WAIT = { timeout: 5_000 };

afterEach(() => {
  vi.restoreAllMocks();
  resetWarnings();
});

async function observe(kit: Kit, room: string) {
  const observer = await kit.room(kit.chat('observer'), room);
  const events: string[] = [];
  observer.presence.subscribe((event: PresenceEvent) => {
    if (event.member.clientId !== 'observer') events.push(`${event.type}:${JSON.stringify(event.member.data ?? null)}`);
  });
  return events;
}

function Contributor({ data, expose }: { data: JsonObject; expose?: (r: UsePresenceResult) => void }) {
  const result = usePresence({ data });
  expose?.(result);
  return null;
}

function SelfData() {
  const self = useSelf();
  return <p data-testid="self">{self ? JSON.stringify(self.data) : 'absent'}</p>;
}

describe('several usePresence in one room share one presence', () => {
  it('merges their data shallowly in mount order, sending one enter and then one update per change', async () => {
    const kit = await startKit();
    const events = await observe(kit, 'merge');
    const view = kit.renderWithKit(
      <PresenceRoom name="merge">
        <Contributor data={{ name: 'Alice', avatarUrl: 'https://a.example/a.png' }} />
        <Contributor data={{ status: 'online' }} />
        <SelfData />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    await waitFor(
      () =>
        expect(JSON.parse(screen.getByTestId('self').textContent ?? '')).toEqual({
          name: 'Alice',
          avatarUrl: 'https://a.example/a.png',
          status: 'online',
        }),
      WAIT,
    );
    view.rerenderWithKit(
      <PresenceRoom name="merge">
        <Contributor data={{ name: 'Alice', avatarUrl: 'https://a.example/a.png' }} />
        <Contributor data={{ status: 'away' }} />
        <SelfData />
      </PresenceRoom>,
    );
    await eventually(() =>
      expect(events).toEqual([
        'enter:{"name":"Alice","avatarUrl":"https://a.example/a.png","status":"online"}',
        'update:{"name":"Alice","avatarUrl":"https://a.example/a.png","status":"away"}',
      ]),
    );
    // One contributor unmounting removes its keys; the client stays present for the other.
    view.rerenderWithKit(
      <PresenceRoom name="merge">
        <Contributor data={{ status: 'away' }} />
        <SelfData />
      </PresenceRoom>,
    );
    await eventually(() => expect(events.at(-1)).toBe('update:{"status":"away"}'));
    expect(events.filter((event) => event.startsWith('leave'))).toEqual([]);
  });

  it('stays present while any holder asks for it: one leave() does not take the others out', async () => {
    const kit = await startKit();
    const events = await observe(kit, 'holders');
    let first: UsePresenceResult | undefined;
    kit.renderWithKit(
      <PresenceRoom name="holders">
        <Contributor data={{ a: 1 }} expose={(r) => (first = r)} />
        <Contributor data={{ b: 2 }} />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    await eventually(() => expect(events).toEqual(['enter:{"a":1,"b":2}']));
    await act(() => first!.leave());
    await eventually(() => expect(events).toEqual(['enter:{"a":1,"b":2}', 'update:{"b":2}']));
    await act(() => first!.enter());
    await eventually(() => expect(events.at(-1)).toBe('update:{"a":1,"b":2}'));
  });

  it('warns once in development when two holders set the same key to different values; the later one wins', async () => {
    const kit = await startKit();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    kit.renderWithKit(
      <PresenceRoom name="conflict">
        <Contributor data={{ status: 'online' }} />
        <Contributor data={{ status: 'busy' }} />
        <SelfData />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    await waitFor(() => expect(screen.getByTestId('self').textContent).toBe('{"status":"busy"}'), WAIT);
    const conflicts = warn.mock.calls.filter(([message]) => String(message).includes('"status"'));
    expect(conflicts).toHaveLength(1);
    expect(String(conflicts[0]?.[0])).toMatch(/merged shallowly/);
  });
});

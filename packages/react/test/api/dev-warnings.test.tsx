import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePeople } from '../../src/hooks/use-people.js';
import { usePresence } from '../../src/hooks/use-presence.js';
import { resetWarnings } from '../../src/internal/dev-warning.js';
import { PresenceRoom } from '../../src/provider/presence-room.js';
import { shallow } from '../../src/store/shallow.js';
import { eventually, startKit } from '../support/render-with-kit.js';

const WAIT = { timeout: 5_000 };

function warnings() {
  const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
  return () => spy.mock.calls.map(([message]) => String(message));
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  resetWarnings();
});

/** Copied from @ably/chat/react: these keys mean nothing to this hook. */
function Migrated() {
  const { isPresent } = usePresence({ initialData: { name: 'A' }, autoEnterLeave: false } as never);
  return <p>{isPresent ? 'present' : 'absent'}</p>;
}

function Names({ equal }: { equal: boolean }) {
  const ids = usePeople({
    select: (people) => people.map((p) => p.clientId),
    isEqual: equal ? shallow : undefined,
  });
  usePresence({ data: { n: Date.now() } });
  return <p>{ids.join(',')}</p>;
}

describe('development warnings', () => {
  it("names @ably/chat/react's usePresence options that do nothing here, once each, and what to use instead", async () => {
    const kit = await startKit();
    const warned = warnings();
    kit.renderWithKit(
      <PresenceRoom name="w1">
        <Migrated />
        <Migrated />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    await waitFor(() => expect(screen.getAllByText('present')).toHaveLength(2), WAIT);
    const messages = warned();
    expect(messages.filter((m) => m.includes('"initialData"'))).toHaveLength(1);
    expect(messages.find((m) => m.includes('"initialData"'))).toMatch(/use `data`/);
    expect(messages.find((m) => m.includes('"autoEnterLeave"'))).toMatch(/enterOnMount: false/);
  });

  it('warns when one room name is given different options in two places, and keeps the first', async () => {
    const kit = await startKit();
    const warned = warnings();
    kit.renderWithKit(
      <>
        <PresenceRoom name="w2" options={{ occupancy: { enableEvents: true } }}>
          <p>a</p>
        </PresenceRoom>
        <PresenceRoom name="w2" options={{ occupancy: { enableEvents: false } }}>
          <p>b</p>
        </PresenceRoom>
        <PresenceRoom name="w2" options={{ occupancy: { enableEvents: true } }}>
          <p>c</p>
        </PresenceRoom>
      </>,
      { client: kit.chat('alice') },
    );
    const messages = warned().filter((m) => m.includes('Room "w2"'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/"enableEvents":true}}\) is used/);
  });

  it('warns when a selector keeps returning new equal arrays without isEqual, and not with shallow', async () => {
    const kit = await startKit();
    const warned = warnings();
    await (await kit.room(kit.chat('bob'), 'w3')).presence.enter({ n: 1 });
    kit.renderWithKit(
      <PresenceRoom name="w3">
        <Names equal />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    await waitFor(() => expect(screen.getByText('bob,alice')).toBeTruthy(), WAIT);
    // alice's echo and bob's presence change the people array; the ids stay equal.
    await (await kit.room(kit.chat('bob'), 'w3')).presence.enter({ n: 2 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(warned().filter((m) => m.includes('usePeople'))).toEqual([]);

    const kit2 = await startKit();
    const bob = await kit2.room(kit2.chat('bob'), 'w4');
    await bob.presence.enter({ n: 1 });
    kit2.renderWithKit(
      <PresenceRoom name="w4">
        <Names equal={false} />
      </PresenceRoom>,
      { client: kit2.chat('alice') },
    );
    await waitFor(() => expect(screen.getAllByText('bob,alice').length).toBeGreaterThan(0), WAIT);
    await bob.presence.update({ n: 2 });
    await eventually(() => expect(warned().filter((m) => m.includes('usePeople'))).toHaveLength(1));
    expect(warned().find((m) => m.includes('usePeople'))).toMatch(/isEqual: shallow/);
  });

  it('says nothing in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const kit = await startKit();
    const warned = warnings();
    kit.renderWithKit(
      <PresenceRoom name="w5">
        <Migrated />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warned()).toEqual([]);
  });
});

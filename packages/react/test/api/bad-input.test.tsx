import { act, screen, waitFor } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceKitError, PresenceKitErrorCode } from '../../src/errors.js';
import { usePeople } from '../../src/hooks/use-people.js';
import { type UsePresenceResult, usePresence } from '../../src/hooks/use-presence.js';
import { usePresenceEventListener } from '../../src/hooks/use-presence-event-listener.js';
import { usePresenceListener } from '../../src/hooks/use-presence-listener.js';
import { PresenceRoom } from '../../src/provider/presence-room.js';
import { PRESENCE_MESSAGE_LIMIT_BYTES } from '../../src/store/presence-data.js';
import type { PresenceKitMember } from '../../src/store/types.js';
import { startKit } from '../support/render-with-kit.js';

const WAIT = { timeout: 8_000 };

/** The app's error boundary: shows the code and message of what reached it. */
class Boundary extends Component<{ children: ReactNode; name: string }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const code = error instanceof PresenceKitError ? error.code : 'not-a-kit-error';
    return <p role="alert" aria-label={this.props.name}>{`${code}|${error.message}`}</p>;
  }
}

/** A component in the same room that must keep working whatever happens to its neighbour. */
function Others() {
  const names = usePresenceListener({ select: (members) => members.map((m) => m.clientId).join(',') });
  return <p>{`others see [${names}]`}</p>;
}

function BadRoomHook() {
  usePeople({ room: '[?rewind=1]x' });
  return null;
}

/** Publishes `data`; hands the hook's result to the test through `probe`. */
function Me({
  data,
  probe,
}: {
  data: Record<string, unknown>;
  probe: { result?: UsePresenceResult<Record<string, unknown>> };
}) {
  const result = usePresence<Record<string, unknown>>({ data });
  probe.result = result;
  return <p>{result.error ? `error:${result.error.code}` : result.isPresent ? 'present' : 'absent'}</p>;
}

function Listener({ types }: { types: unknown }) {
  usePresenceEventListener({ types: types as 'enter', listener: () => {} });
  return null;
}

/** A selector that assumes every member has a nickname: a member without one makes it throw. */
function Fragile() {
  const nicknames = usePeople({
    select: (people) =>
      people.map((person) => (person.latest.data as { nick: string } | undefined)!.nick.toUpperCase()).join(','),
  });
  return <p>{`nicknames ${nicknames}`}</p>;
}

function Fine() {
  const count = usePresenceListener({ select: (members: readonly PresenceKitMember[]) => members.length });
  return <p>{`fine sees ${count}`}</p>;
}

/** Records the error an error boundary receives. */
class Catcher extends Component<{ children: ReactNode; caught: { error?: unknown } }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.caught.error = error;
  }
  override render() {
    return this.state.failed ? <p>caught</p> : this.props.children;
  }
}

const thrownBySelect = new RangeError('out of range');
function Throws() {
  usePresenceListener({
    select: () => {
      throw thrownBySelect;
    },
  });
  return null;
}

function alertOf(name: string): { code: string; message: string } {
  const [code, ...rest] = screen.getByRole('alert', { name }).textContent!.split('|');
  return { code: code!, message: rest.join('|') };
}

// React logs every error a boundary catches; keep the output readable and still assert on what the boundary shows.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('bad room names reach the error boundary as typed errors; the rest of the app keeps working', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['empty', '', /empty room name; pass a non-empty string/],
    ['a qualifier', '[meta]lobby', /starts with "\["; Ably room names cannot\. Remove or replace that character\./],
    ['a leading colon', ':lobby', /starts with ":"/],
    ['a line break', 'lob\nby', /contains a line break/],
    ['not a string', 42, /room name of type number; pass a non-empty string/],
  ];
  it.each(cases)('%s', async (_label, name, message) => {
    const kit = await startKit();
    const bob = await kit.room(kit.chat('bob'), 'fine');
    await bob.presence.enter();
    kit.renderWithKit(
      <>
        <Boundary name="bad">
          <PresenceRoom name={name as string}>
            <Others />
          </PresenceRoom>
        </Boundary>
        <PresenceRoom name="fine">
          <Others />
        </PresenceRoom>
      </>,
      { client: kit.chat('viewer') },
    );
    const shown = alertOf('bad');
    expect(shown.code).toBe(String(PresenceKitErrorCode.InvalidArgument));
    expect(shown.message).toMatch(/^<PresenceRoom> was given /);
    expect(shown.message).toMatch(message);
    await waitFor(() => expect(screen.getByText('others see [bob]')).toBeTruthy(), WAIT);
  });

  it('a hook given a bad room name names itself', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <Boundary name="bad">
        <BadRoomHook />
      </Boundary>,
      { client: kit.chat('viewer') },
    );
    expect(alertOf('bad').message).toMatch(/^usePeople was given the room name "\[\?rewind=1\]x"/);
  });
});

describe('presence data over the size limit', () => {
  it('is refused with 104005 before sending; the last good data stays and later good data goes through', async () => {
    const kit = await startKit();
    const observer = await kit.room(kit.chat('observer'), 'big');
    const seen: string[] = [];
    observer.presence.subscribe((event) => seen.push(`${event.type}:${JSON.stringify(event.member.data).length}`));
    const probe: { result?: UsePresenceResult<Record<string, unknown>> } = {};
    const ui = (data: Record<string, unknown>) => (
      <PresenceRoom name="big">
        <Me data={data} probe={probe} />
        <Others />
      </PresenceRoom>
    );
    const view = kit.renderWithKit(ui({ bio: 'short' }), { client: kit.chat('alice') });
    await waitFor(() => expect(screen.getByText('present')).toBeTruthy(), WAIT);
    await waitFor(() => expect(seen).toEqual(['enter:15']), WAIT);

    // Exactly at the limit (JSON plus the clientId "alice") is fine; one byte more is not.
    const fits = 'x'.repeat(PRESENCE_MESSAGE_LIMIT_BYTES - '{"bio":""}'.length - 'alice'.length);
    view.rerenderWithKit(ui({ bio: `${fits}y` }));
    await waitFor(() => expect(screen.getByText('error:104005')).toBeTruthy(), WAIT);
    expect(probe.result!.error).toBeInstanceOf(PresenceKitError);
    expect(probe.result!.error!.message).toMatch(/65537 bytes with the clientId, over Ably's 65536-byte message limit/);
    expect(probe.result!.error!.message).toMatch(/put only an id or URL in presence data/);
    const rejected = await act(() =>
      probe.result!.update({ bio: `${fits}yy` }).then(
        () => 'sent',
        (error: unknown) => error,
      ),
    );
    expect(rejected).toMatchObject({ code: PresenceKitErrorCode.PresenceDataTooLarge });
    expect(screen.getByText('others see [alice]')).toBeTruthy();
    expect(seen).toEqual(['enter:15']); // nothing was sent

    view.rerenderWithKit(ui({ bio: fits }));
    await waitFor(() => expect(screen.getByText('present')).toBeTruthy(), WAIT);
    await waitFor(() => expect(seen).toEqual(['enter:15', `update:${fits.length + '{"bio":""}'.length}`]), WAIT);
  });

  it('local-ably refuses an oversized presence message from the raw SDK with 40009, as Ably does', async () => {
    const kit = await startKit();
    const room = await kit.room(kit.chat('raw'), 'big-raw');
    const error = await room.presence.enter({ bio: 'x'.repeat(PRESENCE_MESSAGE_LIMIT_BYTES) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 40009 });
  });
});

describe('unknown event types in usePresenceEventListener', () => {
  it('throw a typed misuse error naming the bad types and the valid ones', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <PresenceRoom name="types">
        <Boundary name="listener">
          <Listener types={['enter', 'join', 'left']} />
        </Boundary>
        <Others />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    const shown = alertOf('listener');
    expect(shown.code).toBe(String(PresenceKitErrorCode.InvalidArgument));
    expect(shown.message).toBe(
      "usePresenceEventListener got unknown event types \"join\", \"left\" in `types`; use 'enter', 'leave', 'update', 'present', or omit `types` for all four.",
    );
    await waitFor(() => expect(screen.getByText('others see []')).toBeTruthy(), WAIT);
  });

  it('a single unknown type given as a string is refused too', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <PresenceRoom name="types">
        <Boundary name="listener">
          <Listener types="joined" />
        </Boundary>
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    expect(alertOf('listener').message).toMatch(/^usePresenceEventListener got unknown event type "joined" in/);
  });
});

describe('a select function that throws', () => {
  it("reaches the error boundary with the hook's name, and the room's store goes on for other components", async () => {
    const kit = await startKit();
    const bob = await kit.room(kit.chat('bob'), 'select');
    await bob.presence.enter({ name: 'Bob' });
    await bob.presence.update({ nick: 'bobby' });
    kit.renderWithKit(
      <PresenceRoom name="select">
        <Boundary name="fragile">
          <Fragile />
        </Boundary>
        <Fine />
        <Others />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(() => expect(screen.getByText('nicknames BOBBY')).toBeTruthy(), WAIT);

    const carol = await kit.room(kit.chat('carol'), 'select');
    await act(() => carol.presence.enter());
    await waitFor(() => expect(screen.getByRole('alert', { name: 'fragile' })).toBeTruthy(), WAIT);
    const shown = alertOf('fragile');
    expect(shown.code).toBe(String(PresenceKitErrorCode.SelectFailed));
    expect(shown.message).toMatch(/^usePeople: the select function threw: /);
    expect(shown.message).toMatch(/guard against that/);

    // The same room, the same store: the other components still follow every change.
    await waitFor(() => expect(screen.getByText('fine sees 2')).toBeTruthy(), WAIT);
    const dave = await kit.room(kit.chat('dave'), 'select');
    await act(() => dave.presence.enter({ nick: 'd' }));
    await waitFor(() => expect(screen.getByText('fine sees 3')).toBeTruthy(), WAIT);
    expect(screen.getByText('others see [bob,carol,dave]')).toBeTruthy();
  });

  it("keeps the selector's own error as the cause", async () => {
    const kit = await startKit();
    const caught: { error?: unknown } = {};
    kit.renderWithKit(
      <PresenceRoom name="cause">
        <Catcher caught={caught}>
          <Throws />
        </Catcher>
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(() => expect(screen.getByText('caught')).toBeTruthy(), WAIT);
    expect(caught.error).toBeInstanceOf(PresenceKitError);
    expect(caught.error).toMatchObject({
      code: PresenceKitErrorCode.SelectFailed,
      cause: thrownBySelect,
      statusCode: 500,
    });
    expect((caught.error as Error).message).toBe(
      'usePresenceListener: the select function threw: out of range. It runs on every change, also while the room is empty or a member is missing: guard against that (e.g. with ?.).',
    );
  });
});

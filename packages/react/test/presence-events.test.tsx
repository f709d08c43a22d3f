import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  type UsePresenceEventListenerOptions,
  usePresenceEventListener,
} from '../src/hooks/use-presence-event-listener.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { eventually, startKit } from './support/render-with-kit.js';

function Recorder({ log, types }: { log: string[]; types?: UsePresenceEventListenerOptions['types'] }) {
  usePresenceEventListener({ listener: (event) => log.push(`${event.type}:${event.member.clientId}`), types });
  return <p>recording</p>;
}

describe('usePresenceEventListener', () => {
  it('delivers events filtered by one type, several types, or none', async () => {
    const kit = await startKit();
    const early = await kit.room(kit.chat('early'), 'ev');
    await early.presence.enter(); // present before the viewer attaches: arrives as 'present'
    const all: string[] = [];
    const enters: string[] = [];
    const comings: string[] = [];
    kit.renderWithKit(
      <PresenceRoom name="ev">
        <Recorder log={all} />
        <Recorder log={enters} types="enter" />
        <Recorder log={comings} types={['enter', 'leave']} />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    await waitFor(() => expect(screen.getAllByText('recording')).toHaveLength(3));
    await eventually(() => expect(all).toEqual(['present:early']));

    const bob = await kit.room(kit.chat('bob'), 'ev');
    await bob.presence.enter({ v: 1 });
    await bob.presence.update({ v: 2 });
    await bob.presence.leave();
    await eventually(() => expect(all).toEqual(['present:early', 'enter:bob', 'update:bob', 'leave:bob']));
    expect(enters).toEqual(['enter:bob']);
    expect(comings).toEqual(['enter:bob', 'leave:bob']);
  });

  it('calls the latest listener without resubscribing', async () => {
    const kit = await startKit();
    const first: string[] = [];
    const second: string[] = [];
    const view = kit.renderWithKit(
      <PresenceRoom name="latest">
        <Recorder log={first} />
      </PresenceRoom>,
      { client: kit.chat('viewer') },
    );
    view.rerenderWithKit(
      <PresenceRoom name="latest">
        <Recorder log={second} />
      </PresenceRoom>,
    );
    const bob = await kit.room(kit.chat('bob'), 'latest');
    await bob.presence.enter();
    await eventually(() => expect(second).toEqual(['enter:bob']));
    expect(first).toEqual([]);
  });
});

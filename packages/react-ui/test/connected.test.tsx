import '@testing-library/jest-dom/vitest';
import { PresenceRoom, usePresence } from '@presence-kit/react';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActiveRooms } from '../src/active-rooms/active-rooms.js';
import { AvatarStack } from '../src/avatar-stack/avatar-stack.js';
import { OnlineList } from '../src/online-list/online-list.js';
import { OnlineListItem } from '../src/online-list/online-list-item.js';
import { PresenceIndicator } from '../src/presence-indicator/presence-indicator.js';
import { StatusPicker } from '../src/status-picker/status-picker.js';
import { ViewerCount } from '../src/viewer-count/viewer-count.js';
import { createRenderCounter, eventually, startKit } from './support/kit.js';
import { withViewportLayout } from './support/layout.js';

withViewportLayout(400);

function Me({ name }: { name: string }) {
  usePresence({ data: { name } });
  return null;
}

const rowNames = () =>
  Array.from(document.querySelectorAll('.pk-online-list__row .pk-name'), (element) => element.textContent);

describe('connected components through the real ChatClient', () => {
  it('count, list and stack agree: one person with two tabs counts once, and I come first', async () => {
    const kit = await startKit();
    const me = kit.chat('me');
    kit.renderWithKit(
      <PresenceRoom name="lobby">
        <Me name="Me Myself" />
        <ViewerCount label="here" announceEveryMs={0} />
        <AvatarStack max={2} />
        <OnlineList />
      </PresenceRoom>,
      { client: me },
    );
    const adaTab1 = await kit.room(kit.chat('ada'), 'lobby');
    const adaTab2 = await kit.room(kit.chat('ada'), 'lobby');
    const bob = await kit.room(kit.chat('bob'), 'lobby');
    await adaTab1.presence.enter({ name: 'Ada', status: 'online' });
    await adaTab2.presence.enter({ name: 'Ada', status: 'online' });
    await bob.presence.enter({ name: 'Bob', status: 'away' });

    await eventually(() => expect(rowNames()).toEqual(['Me Myself', 'Ada', 'Bob']));
    expect(screen.getByText(', on 2 devices')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('3 here');
    const stack = screen.getByRole('group', { name: '3 people here' });
    expect(
      within(stack)
        .getAllByRole('img')
        .map((image) => image.getAttribute('aria-label')),
    ).toEqual(['Me Myself (you)', 'Ada']);
    fireEvent.click(within(stack).getByRole('button', { name: 'Show 1 more person' }));
    expect(within(stack).getByRole('list', { name: '1 more person' })).toHaveTextContent('Bob');

    // Ada closes one tab: still one person, now on one device.
    await adaTab2.presence.leave();
    await eventually(() => expect(screen.queryByText(', on 2 devices')).toBeNull());
    expect(rowNames()).toEqual(['Me Myself', 'Ada', 'Bob']);
  });

  it('ViewerCount counts connections or presence members from occupancy when asked', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <PresenceRoom name="lobby" options={{ occupancy: { enableEvents: true } }}>
        <Me name="Me" />
        <ViewerCount metric="connections" label="watching" announceEveryMs={0} data-testid="connections" />
        <ViewerCount metric="presenceMembers" label="present" announceEveryMs={0} data-testid="members" />
      </PresenceRoom>,
      { client: kit.chat('me') },
    );
    // Two lurkers (attached, not present) and one more tab of mine that enters.
    await kit.room(kit.chat('lurker-1'), 'lobby');
    await kit.room(kit.chat('lurker-2'), 'lobby');
    const myOtherTab = await kit.room(kit.chat('me'), 'lobby');
    await myOtherTab.presence.enter({ name: 'Me' });
    await eventually(() => expect(screen.getByTestId('connections')).toHaveTextContent('4 watching'));
    await eventually(() => expect(screen.getByTestId('members')).toHaveTextContent('2 present'));
  });

  it('rowsPer="connection" shows each tab, me first', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <PresenceRoom name="lobby">
        <Me name="Me" />
        <OnlineList rowsPer="connection" />
      </PresenceRoom>,
      { client: kit.chat('me') },
    );
    for (let tab = 0; tab < 2; tab++) {
      const room = await kit.room(kit.chat('ada'), 'lobby');
      await room.presence.enter({ name: 'Ada' });
    }
    await eventually(() => expect(rowNames()).toEqual(['Me', 'Ada', 'Ada']));
    // Its name counts what its rows are: connections, not people (two of the three are one person).
    expect(screen.getByRole('region', { name: '3 connections online' })).toBeInTheDocument();
  });

  it('works under StrictMode (double mount): one entry for me, the count right', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <PresenceRoom name="lobby">
        <Me name="Me" />
        <StatusPicker />
        <ViewerCount announceEveryMs={0} />
        <AvatarStack />
        <OnlineList />
      </PresenceRoom>,
      { client: kit.chat('me'), strict: true },
    );
    const bob = await kit.room(kit.chat('bob'), 'lobby');
    await bob.presence.enter({ name: 'Bob' });
    await eventually(() => expect(rowNames()).toEqual(['Me', 'Bob']));
    expect(document.querySelector('.pk-viewer-count data')).toHaveTextContent('2');
    expect(screen.getByRole('group', { name: '2 people here' })).toBeInTheDocument();
    const members = await bob.presence.get();
    expect(members.filter((member) => member.clientId === 'me')).toHaveLength(1);
  });

  it('re-renders only the row whose member changed', async () => {
    const kit = await startKit();
    const renders = createRenderCounter();
    kit.renderWithKit(
      <PresenceRoom name="lobby">
        <OnlineList
          renderItem={(person) => {
            renders.bump(person.clientId);
            return <OnlineListItem person={person} />;
          }}
        />
      </PresenceRoom>,
      { client: kit.chat('watcher') },
    );
    const rooms = await Promise.all(['ada', 'bob', 'cy'].map((id) => kit.room(kit.chat(id), 'lobby')));
    for (const [index, room] of rooms.entries()) await room.presence.enter({ name: ['Ada', 'Bob', 'Cy'][index] ?? '' });
    await eventually(() => expect(rowNames()).toEqual(['Ada', 'Bob', 'Cy']));
    await new Promise((resolve) => setTimeout(resolve, 100));
    renders.reset();

    await rooms[1]?.presence.update({ name: 'Bob', status: 'busy' });
    await eventually(() => expect(screen.getByText('busy')).toBeInTheDocument());
    expect(renders.get('bob')).toBeGreaterThan(0);
    expect(renders.get('ada')).toBe(0);
    expect(renders.get('cy')).toBe(0);
  });

  it('sorts, groups and filters live data', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <PresenceRoom name="lobby">
        <OnlineList sortBy="name" groupByStatus searchable />
      </PresenceRoom>,
      { client: kit.chat('watcher') },
    );
    const people = [
      ['zed', 'Zed', 'online'],
      ['amy', 'Amy', 'away'],
      ['bo', 'Bo', 'online'],
    ] as const;
    for (const [id, name, status] of people) {
      const room = await kit.room(kit.chat(id), 'lobby');
      await room.presence.enter({ name, status });
    }
    const items = () =>
      Array.from(
        document.querySelectorAll('li'),
        (item) => item.querySelector('.pk-online-list__text .pk-name, .pk-online-list__group-label')?.textContent,
      );
    await eventually(() => expect(items()).toEqual(['online (2)', 'Bo', 'Zed', 'away (1)', 'Amy']));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search people' }), { target: { value: 'ze' } });
    await eventually(() => expect(items()).toEqual(['online (1)', 'Zed']));
  });

  it('mounts a few dozen rows for 10,000 simulated members', async () => {
    const kit = await startKit();
    kit.server.simulation.start({ room: 'crowd' }, { count: 10_000, seed: 3 });
    kit.renderWithKit(
      <PresenceRoom name="crowd">
        <ViewerCount announceEveryMs={0} />
        <OnlineList />
      </PresenceRoom>,
      { client: kit.chat('watcher') },
    );
    await eventually(
      () => expect(screen.getByRole('region', { name: '10000 people online' })).toBeInTheDocument(),
      20_000,
    );
    expect(document.querySelectorAll('.pk-online-list__row').length).toBeLessThan(40);
    expect(document.querySelector('.pk-viewer-count data')).toHaveTextContent('10K');
  }, 60_000);

  it('PresenceIndicator goes online → away → just left → offline', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <PresenceRoom name="lobby">
        <PresenceIndicator clientId="ada" name="Ada" leftGraceMs={300} />
      </PresenceRoom>,
      { client: kit.chat('watcher') },
    );
    const state = () => document.querySelector('.pk-presence-indicator')?.getAttribute('data-pk-state');
    await eventually(() => expect(state()).toBe('offline'));
    const ada = await kit.room(kit.chat('ada'), 'lobby');
    await ada.presence.enter({ name: 'Ada' });
    await eventually(() => expect(state()).toBe('online'));
    await ada.presence.update({ name: 'Ada', status: 'away' });
    await eventually(() => expect(state()).toBe('away'));
    expect(document.querySelector('.pk-presence-indicator')).toHaveTextContent('Ada is away');
    await ada.presence.leave();
    await eventually(() => expect(state()).toBe('left'));
    await eventually(() => expect(state()).toBe('offline'));
  });

  it('StatusPicker sets my status without wiping data from another usePresence', async () => {
    const kit = await startKit();
    kit.renderWithKit(
      <PresenceRoom name="lobby">
        <Me name="Ada" />
        <StatusPicker />
      </PresenceRoom>,
      { client: kit.chat('ada') },
    );
    const observer = await kit.room(kit.chat('observer'), 'lobby');
    const adaData = async () => (await observer.presence.get({ clientId: 'ada' }))[0]?.data;
    await eventually(async () => expect(await adaData()).toEqual({ name: 'Ada', status: 'online' }));
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'busy' } });
    });
    await eventually(async () => expect(await adaData()).toEqual({ name: 'Ada', status: 'busy' }));
  });

  it('ActiveRooms lists rooms with occupancy through react-query, without attaching to them', async () => {
    const kit = await startKit();
    for (const name of ['support-1', 'support-2']) {
      const room = await kit.room(kit.chat(`user-${name}`), name);
      await room.presence.enter({ name });
    }
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    kit.renderWithKit(<ActiveRooms prefix="support-" />, { client: kit.chat('lobby-viewer'), queryClient });
    const list = await eventually(() => screen.getByRole('list', { name: 'Active rooms' }));
    expect(list).toHaveTextContent('support-1');
    expect(list).toHaveTextContent('support-2');
    expect(list).toHaveTextContent('1 present');
    // The lobby's own connection reads over REST: it is attached to no channel.
    const viewer = kit.server.inspect.connectionList().filter((connection) => connection.clientId === 'lobby-viewer');
    expect(viewer.flatMap((connection) => connection.channels)).toEqual([]);
    queryClient.clear();
  });

  it('ActiveRooms pages with "Load more"', async () => {
    const kit = await startKit();
    for (const name of ['page-a', 'page-b', 'page-c']) await kit.room(kit.chat(`user-${name}`), name);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    kit.renderWithKit(<ActiveRooms prefix="page-" limit={2} />, { client: kit.chat('lobby-viewer'), queryClient });
    const rooms = () => screen.queryAllByRole('listitem').length;
    await eventually(() => expect(rooms()).toBe(2));
    fireEvent.click(screen.getByRole('button', { name: 'Load more rooms' }));
    await eventually(() => expect(rooms()).toBe(3));
    await eventually(() => expect(screen.queryByRole('button', { name: 'Load more rooms' })).toBeNull());
    queryClient.clear();
  });
});

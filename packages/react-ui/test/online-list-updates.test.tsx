import '@testing-library/jest-dom/vitest';
import { PresenceRoom, usePerson } from '@presence-kit/react';
import { screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { OnlineList } from '../src/online-list/online-list.js';
import { OnlineListItem } from '../src/online-list/online-list-item.js';
import { createRenderCounter, eventually, startKit } from './support/kit.js';
import { withViewportLayout } from './support/layout.js';

// One row high: the first row and its overscan are mounted, the eighth person is out of view.
withViewportLayout(44);

const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

/** Shows one person's status outside the list, so a test knows when an update has been committed. */
function StatusOf({ clientId }: { clientId: string }) {
  const status = usePerson({ clientId, select: (person) => (person?.latest.data as { status?: string })?.status });
  return <output data-testid={`status-${clientId}`}>{status ?? ''}</output>;
}

describe('OnlineList on a presence update', () => {
  it('renders nothing of the list for a person out of view, and only their row for a person in view', async () => {
    const kit = await startKit();
    const rows = createRenderCounter();
    let listRenders = 0;
    kit.renderWithKit(
      <PresenceRoom name="lobby">
        <Profiler id="list" onRender={() => listRenders++}>
          <OnlineList
            renderItem={(person) => {
              rows.bump(person.clientId);
              return <OnlineListItem person={person} />;
            }}
          />
        </Profiler>
        <StatusOf clientId="p0" />
        <StatusOf clientId="p7" />
      </PresenceRoom>,
      { client: kit.chat('watcher') },
    );
    const rooms = [];
    for (const id of PEOPLE) {
      const room = await kit.room(kit.chat(id), 'lobby');
      await room.presence.enter({ name: id });
      rooms.push(room);
    }
    await eventually(() => expect(screen.getByRole('region', { name: '8 people online' })).toBeInTheDocument());
    expect(document.querySelector('[data-index="0"]')).not.toBeNull();
    expect(document.querySelector('[data-index="7"]')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Out of view: the update reaches the app (StatusOf shows it in the same commit), and the list renders nothing.
    rows.reset();
    listRenders = 0;
    await rooms[7]?.presence.update({ name: 'p7', status: 'busy' });
    await eventually(() => expect(screen.getByTestId('status-p7')).toHaveTextContent('busy'));
    expect(listRenders).toBe(0);
    expect(PEOPLE.map((id) => rows.get(id))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);

    // In view: that row renders again, and no other.
    await rooms[0]?.presence.update({ name: 'p0', status: 'away' });
    await eventually(() => expect(screen.getByTestId('status-p0')).toHaveTextContent('away'));
    expect(listRenders).toBeGreaterThan(0);
    expect(rows.get('p0')).toBeGreaterThan(0);
    expect(PEOPLE.slice(1).map((id) => rows.get(id))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  }, 30_000);
});

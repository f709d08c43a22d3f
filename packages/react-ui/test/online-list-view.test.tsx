import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { arrangeRows } from '../src/online-list/arrange-rows.js';
import { OnlineListView } from '../src/online-list/online-list-view.js';
import type { PersonSummary } from '../src/person-summary.js';
import { makePeople, TEN_THOUSAND } from '../stories/fixtures.js';
import { withViewportLayout } from './support/layout.js';

afterEach(cleanup);
withViewportLayout(400);

function person(id: string, name: string, status?: string, isSelf = false): PersonSummary {
  return { id, clientId: id, name, status, isSelf };
}

const rowNames = () =>
  Array.from(document.querySelectorAll('.pk-online-list__row .pk-name'), (element) => element.textContent);

describe('OnlineListView', () => {
  it('mounts a few dozen rows for 10,000 people', () => {
    render(<OnlineListView people={TEN_THOUSAND} />);
    expect(screen.getByRole('region', { name: '10000 people online' })).toBeInTheDocument();
    const rows = document.querySelectorAll('li');
    // 400 px / 44 px rows = 10 visible, plus overscan.
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.length).toBeLessThan(40);
    const list = document.querySelector('ul') as HTMLElement;
    expect(list.style.height).toBe(`${10_000 * 44}px`);
  });

  it('scrolling mounts the rows coming into view without re-rendering the rows already there', async () => {
    const renders = new Map<string, number>();
    render(
      <OnlineListView
        people={TEN_THOUSAND}
        renderItem={(item) => {
          renders.set(item.id, (renders.get(item.id) ?? 0) + 1);
          return item.name;
        }}
      />,
    );
    const viewport = screen.getByRole('region', { name: '10000 people online' });
    const before = new Set(renders.keys());
    renders.clear();
    await act(async () => {
      viewport.scrollTop = 44 * 5;
      viewport.dispatchEvent(new Event('scroll'));
    });
    const rendered = [...renders.keys()];
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.filter((id) => before.has(id))).toEqual([]);
    expect(document.querySelector('[data-index="20"]')).not.toBeNull();
  });

  it('puts me first, then people in the order they joined', () => {
    const people = [person('b', 'Bea'), person('a', 'Ada'), person('me', 'Zoe', undefined, true)];
    render(<OnlineListView people={people} />);
    expect(rowNames()).toEqual(['Zoe', 'Bea', 'Ada']);
    expect(screen.getByText('(you)')).toBeInTheDocument();
  });

  it('sorts by name with the locale collator, keeping me first', () => {
    const people = [person('1', 'émile'), person('2', 'Zoe'), person('3', 'ada'), person('4', 'Ben', undefined, true)];
    render(<OnlineListView people={people} sortBy="name" />);
    expect(rowNames()).toEqual(['Ben', 'ada', 'émile', 'Zoe']);
  });

  it('groups by status under headings with counts, in the status order', () => {
    const people = [
      person('1', 'Cy', 'away'),
      person('2', 'Al', 'online'),
      person('3', 'Bo', 'busy'),
      person('4', 'Di', 'online'),
      person('5', 'Ed'),
      person('6', 'Fay', 'in a meeting'),
    ];
    render(<OnlineListView people={people} groupByStatus sortBy="name" />);
    const items = Array.from(
      document.querySelectorAll('li'),
      (item) => item.querySelector('.pk-online-list__text, .pk-online-list__group-label')?.textContent,
    );
    expect(items).toEqual([
      'online (2)',
      'Al, online',
      'Di, online',
      'away (1)',
      'Cy, away',
      'busy (1)',
      'Bo, busy',
      'in a meeting (1)',
      'Fay, in a meeting',
      'No status (1)',
      'Ed',
    ]);
  });

  it('shows one row per person with a device count, or one row per connection', () => {
    const tabs = [
      { ...person('ada', 'Ada'), id: 'ada:1' },
      { ...person('ada', 'Ada'), id: 'ada:2' },
      { ...person('bob', 'Bob'), id: 'bob:1' },
    ];
    const { rerender } = render(<OnlineListView people={tabs} />);
    expect(rowNames()).toEqual(['Ada', 'Bob']);
    expect(screen.getByText(', on 2 devices')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '2 people online' })).toBeInTheDocument();
    rerender(<OnlineListView people={tabs} perConnection />);
    expect(rowNames()).toEqual(['Ada', 'Ada', 'Bob']);
    expect(screen.getByRole('region', { name: '3 connections online' })).toBeInTheDocument();
  });

  it('names a one-row list in the singular, and takes a translated label', () => {
    const { rerender } = render(<OnlineListView people={[person('a', 'Ada')]} perConnection />);
    expect(screen.getByRole('region', { name: '1 connection online' })).toBeInTheDocument();
    rerender(
      <OnlineListView
        people={[person('a', 'Ada')]}
        perConnection
        text={{ label: (count, rowsPer) => `${count} ${rowsPer === 'connection' ? 'connexion' : 'personne'}` }}
      />,
    );
    expect(screen.getByRole('region', { name: '1 connexion' })).toBeInTheDocument();
  });

  it('tells assistive technology where each mounted row sits in the whole list', async () => {
    render(<OnlineListView people={TEN_THOUSAND} />);
    const viewport = screen.getByRole('region', { name: '10000 people online' });
    const first = within(viewport).getAllByRole('listitem')[0] as HTMLElement;
    expect(first).toHaveAttribute('aria-posinset', '1');
    expect(first).toHaveAttribute('aria-setsize', '10000');
    await act(async () => {
      viewport.scrollTop = 44 * 100;
      viewport.dispatchEvent(new Event('scroll'));
    });
    const row = document.querySelector('[data-index="105"]') as HTMLElement;
    expect(row).toHaveAttribute('aria-posinset', '106');
    expect(row.style.top).toBe(`${105 * 44}px`);
  });

  it('lays rows out again when rowHeight changes', () => {
    const { rerender } = render(<OnlineListView people={makePeople(50)} />);
    const list = () => document.querySelector('ul') as HTMLElement;
    expect(list().style.height).toBe(`${50 * 44}px`);
    rerender(<OnlineListView people={makePeople(50)} rowHeight={60} />);
    expect(list().style.height).toBe(`${50 * 60}px`);
    expect((document.querySelector('[data-index="1"]') as HTMLElement).style.top).toBe('60px');
  });

  it('filters by name as the user types, ignoring case and accents', () => {
    render(<OnlineListView people={[person('1', 'Émile'), person('2', 'Zoe')]} searchable />);
    const search = screen.getByRole('searchbox', { name: 'Search people' });
    fireEvent.change(search, { target: { value: 'emi' } });
    expect(rowNames()).toEqual(['Émile']);
    fireEvent.change(search, { target: { value: 'nobody' } });
    expect(screen.getByRole('status')).toHaveTextContent('No one matches your search.');
  });

  it('shows empty, loading and error states', () => {
    const { rerender } = render(<OnlineListView people={[]} />);
    expect(screen.getByRole('status')).toHaveTextContent('No one is here yet.');
    rerender(<OnlineListView people={makePeople(3)} state="loading" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading who is here');
    rerender(<OnlineListView people={makePeople(3)} state="error" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load who is here.');
    expect(document.querySelector('.pk-online-list')).toHaveAttribute('data-pk-state', 'error');
  });

  it('renders custom rows through renderItem and forwards the ref', () => {
    let root: HTMLDivElement | null = null;
    render(
      <OnlineListView
        ref={(node) => {
          root = node;
        }}
        className="mine"
        people={makePeople(2)}
        renderItem={(item) => <button type="button">Wave at {item.name}</button>}
      />,
    );
    expect(screen.getByRole('button', { name: 'Wave at Alan Abe' })).toBeInTheDocument();
    expect(root).toHaveClass('pk-online-list', 'mine');
  });

  it('is reachable by keyboard: the scrolling viewport is a tab stop', () => {
    render(<OnlineListView people={makePeople(50)} />);
    const viewport = screen.getByRole('region', { name: '50 people online' });
    expect(viewport).toHaveAttribute('tabindex', '0');
    expect(within(viewport).getAllByRole('listitem').length).toBeGreaterThan(0);
  });
});

describe('arrangeRows', () => {
  it('gives statuses that differ only in case a heading each, not one heading twice', () => {
    const rows = arrangeRows(
      [person('1', 'Al', 'Busy'), person('2', 'Bo', 'busy'), person('3', 'Cy', 'Busy'), person('4', 'Di', 'busy')],
      { groupByStatus: true, sortBy: 'name' },
    );
    const headings = rows.filter((row) => row.kind === 'group');
    expect(headings).toHaveLength(2);
    expect(headings.map((row) => row.count)).toEqual([2, 2]);
  });

  it('filters by name, sorts by status then name, and keeps me first', () => {
    const rows = arrangeRows(
      [
        person('1', 'Ann', 'away'),
        person('2', 'Abe', 'online'),
        person('3', 'Bob', 'online'),
        person('4', 'Amy'),
        person('5', 'Ari', 'zzz'),
        person('me', 'Axel', 'away', true),
      ],
      { sortBy: 'status', search: 'A' },
    );
    expect(rows).toEqual(['me', '2', '1', '5', '4'].map((id) => ({ kind: 'person', id })));
  });

  it('keeps me first inside my status group', () => {
    const rows = arrangeRows(
      [person('1', 'Al', 'away'), person('2', 'Bo', 'online'), person('me', 'Zed', 'online', true)],
      { groupByStatus: true, sortBy: 'name' },
    );
    expect(rows).toEqual([
      { kind: 'group', status: 'online', count: 2 },
      { kind: 'person', id: 'me' },
      { kind: 'person', id: '2' },
      { kind: 'group', status: 'away', count: 1 },
      { kind: 'person', id: '1' },
    ]);
  });
});

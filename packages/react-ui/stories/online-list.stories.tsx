import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { OnlineListItem } from '../src/online-list/online-list-item.js';
import { OnlineListView } from '../src/online-list/online-list-view.js';
import { ARABIC_PEOPLE, HOSTILE_PEOPLE, LONG_NAMES, makePeople, TEN_THOUSAND } from './fixtures.js';
import { expectInert } from './hostile-checks.js';

const meta = {
  title: 'Components/OnlineList',
  component: OnlineListView,
  args: { people: makePeople(24), state: 'ready', searchable: true, sortBy: 'joined', groupByStatus: false },
  argTypes: {
    state: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    sortBy: { control: 'inline-radio', options: ['joined', 'name', 'status'] },
  },
  decorators: [(Story) => <div style={{ maxWidth: 380 }}>{Story()}</div>],
} satisfies Meta<typeof OnlineListView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = { args: { people: [] } };
export const One: Story = { args: { people: makePeople(1) } };
export const Many: Story = {};
export const TenThousand: Story = {
  name: '10,000 members',
  args: { people: TEN_THOUSAND },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: '10000 people online' })).toBeVisible();
    // Virtualized: a few dozen rows in the DOM, not ten thousand.
    const rows = canvasElement.querySelectorAll('li');
    await expect(rows.length).toBeGreaterThan(5);
    await expect(rows.length).toBeLessThan(60);
    // Scrolled to the end, the last person is mounted and placed as the 10,000th row.
    const viewport = canvas.getByRole('region', { name: '10000 people online' });
    viewport.scrollTop = viewport.scrollHeight;
    await waitFor(() => expect(canvasElement.querySelector('[aria-posinset="10000"]')).toBeVisible());
    await expect(canvasElement.querySelectorAll('li').length).toBeLessThan(60);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search people' }), 'grace hughes');
    const matches = TEN_THOUSAND.filter((person) => person.name.toLowerCase().includes('grace hughes')).length;
    await waitFor(() =>
      expect(canvas.getByRole('region', { name: /people online/ })).toHaveAccessibleName(`${matches} people online`),
    );
  },
};
export const SortedByName: Story = { args: { sortBy: 'name' } };
export const GroupedByStatus: Story = {
  args: { groupByStatus: true, sortBy: 'name', people: makePeople(12) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('online (8)')).toBeVisible();
    await expect(canvas.getByText('away (2)')).toBeVisible();
  },
};
export const PerConnection: Story = {
  name: 'One row per connection',
  args: { perConnection: true },
  play: async ({ canvasElement }) => {
    // The list's name counts what its rows are.
    await expect(within(canvasElement).getByRole('region', { name: '24 connections online' })).toBeVisible();
  },
};
export const Loading: Story = { args: { state: 'loading' } };
export const ErrorState: Story = { name: 'Error', args: { state: 'error' } };
export const NoMatches: Story = { args: { defaultSearch: 'nobody by this name' } };
export const LongNames: Story = { args: { people: LONG_NAMES } };
export const Hostile: Story = {
  name: 'Hostile data',
  args: { people: HOSTILE_PEOPLE },
  play: async ({ canvasElement }) => {
    await expectInert(canvasElement);
    const list = canvasElement.querySelector('.pk-online-list') as HTMLElement;
    // Layout holds: no row grows past the list's width, and rows keep their height.
    for (const row of canvasElement.querySelectorAll<HTMLElement>('.pk-online-list__row')) {
      await expect(row.scrollWidth).toBeLessThanOrEqual(list.clientWidth + 1);
      await expect(row.getBoundingClientRect().height).toBe(44);
    }
  },
};
export const RTL: Story = {
  args: {
    people: ARABIC_PEOPLE,
    searchable: false,
    text: { you: '(أنت)', label: (count) => `${count} متصلون` },
  },
  parameters: { pk: { dir: 'rtl' } },
};
export const Dark: Story = { args: { groupByStatus: true }, parameters: { pk: { theme: 'dark' } } };
export const CustomRow: Story = {
  name: 'renderItem slot',
  args: {
    renderItem: (person) => (
      <>
        <OnlineListItem person={person} />
        <button type="button" className="pk-button" style={{ marginInlineEnd: 8, flex: 'none' }}>
          Wave
        </button>
      </>
    ),
  },
};

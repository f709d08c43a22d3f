import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { type ActiveRoomSummary, ActiveRoomsView } from '../src/active-rooms/active-rooms-view.js';
import { expectInert } from './hostile-checks.js';

function rooms(count: number, offset = 0): ActiveRoomSummary[] {
  return Array.from({ length: count }, (_, index) => ({
    room: `room-${offset + index + 1}`,
    present: ((offset + index) * 37) % 120,
    connections: ((offset + index) * 911) % 25_000,
  }));
}

const meta = {
  title: 'Components/ActiveRooms',
  component: ActiveRoomsView,
  args: { rooms: rooms(6), state: 'ready', hasMore: false, onLoadMore: fn() },
  argTypes: { state: { control: 'inline-radio', options: ['ready', 'loading', 'error'] } },
  decorators: [(Story) => <div style={{ maxWidth: 480 }}>{Story()}</div>],
} satisfies Meta<typeof ActiveRoomsView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = { args: { rooms: [] } };
export const One: Story = { args: { rooms: [{ room: 'lobby', present: 3, connections: 12 }] } };
export const Many: Story = {
  args: { hasMore: true },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Load more rooms' }));
    await expect(args.onLoadMore).toHaveBeenCalled();
  },
};
export const LoadingMore: Story = { args: { hasMore: true, isLoadingMore: true } };
export const Loading: Story = { args: { state: 'loading' } };
export const ErrorState: Story = { name: 'Error', args: { state: 'error' } };
export const LongNames: Story = {
  args: {
    rooms: [{ room: `support-${'very-long-room-name-'.repeat(8)}`, present: 1_234_567, connections: 9_876_543 }],
  },
};
export const Hostile: Story = {
  name: 'Hostile data',
  args: { rooms: [{ room: '<img src=x onerror="window.__pkPwned=1">\u202Egnp.exe', present: 1, connections: 2 }] },
  play: async ({ canvasElement }) => {
    await expectInert(canvasElement);
  },
};
export const RTL: Story = {
  args: {
    rooms: [{ room: 'غرفة-الدعم', present: 14, connections: 230 }, ...rooms(3)],
    locale: 'ar-EG',
    label: 'الغرف النشطة',
    text: { present: 'حاضر', watching: 'يشاهدون', loadMore: 'المزيد من الغرف' },
  },
  parameters: { pk: { dir: 'rtl' } },
};
export const Dark: Story = { args: { hasMore: true }, parameters: { pk: { theme: 'dark' } } };

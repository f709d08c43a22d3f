import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { OnlineList } from '../src/online-list/online-list.js';
import { StatusPicker } from '../src/status-picker/status-picker.js';
import { LiveRoom, type LiveRoomProps } from './live/live-room.js';

const meta = {
  title: 'Components/StatusPicker',
  args: { room: '' },
  render: (args) => (
    <LiveRoom {...args}>
      <StatusPicker label="My status" />
      <OnlineList />
    </LiveRoom>
  ),
} satisfies Meta<Omit<LiveRoomProps, 'children'>>;

export default meta;

/** My status goes out through presence (merged with my name) and comes back into the list. */
export const Live: StoryObj<typeof meta> = {
  name: 'Live: my status',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const live = { timeout: 15_000 };
    const list = await waitFor(() => canvas.getByRole('region', { name: '1 person online' }), live);
    await waitFor(() => expect(within(list).getByText('online')).toBeVisible(), live);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'My status' }), 'busy');
    await waitFor(() => expect(within(list).getByText('busy')).toBeVisible(), live);
    await expect(within(list).getByText('You (Storybook)')).toBeVisible();
  },
};

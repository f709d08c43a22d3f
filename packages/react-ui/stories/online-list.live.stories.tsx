import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AvatarStack } from '../src/avatar-stack/avatar-stack.js';
import { OnlineList } from '../src/online-list/online-list.js';
import { ViewerCount } from '../src/viewer-count/viewer-count.js';
import { LiveRoom, type LiveRoomProps } from './live/live-room.js';

type LiveArgs = Omit<LiveRoomProps, 'children'> & { groupByStatus?: boolean; sortBy?: 'joined' | 'name' | 'status' };

const meta = {
  title: 'Components/OnlineList',
  args: { room: '', simulatedMembers: 0, churnPerSecond: 0, groupByStatus: false, sortBy: 'joined' },
  argTypes: {
    simulatedMembers: { control: { type: 'number', min: 0, max: 50_000, step: 100 } },
    churnPerSecond: { control: { type: 'number', min: 0, max: 200 } },
    sortBy: { control: 'inline-radio', options: ['joined', 'name', 'status'] },
  },
  render: ({ groupByStatus, sortBy, ...room }) => (
    <LiveRoom {...room}>
      <ViewerCount label="here" announceEveryMs={1_000} />
      <AvatarStack max={4} />
      <OnlineList searchable groupByStatus={groupByStatus} sortBy={sortBy} />
    </LiveRoom>
  ),
} satisfies Meta<LiveArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Real SDKs against local-ably: add and remove members with the panel, and the count, stack and list follow. */
export const LiveMembersJoin: Story = {
  name: 'Live: members join',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const live = { timeout: 15_000 };
    // The viewer enters first: one person, me.
    await waitFor(() => expect(canvas.getByRole('group', { name: '1 person here' })).toBeVisible(), live);
    const add = canvas.getByRole('button', { name: 'Add member' });
    await userEvent.click(add);
    await waitFor(() => expect(add).toBeEnabled(), live);
    await userEvent.click(add);
    await waitFor(() => expect(canvas.getByRole('group', { name: '3 people here' })).toBeVisible(), live);
    await waitFor(() => expect(canvasElement.querySelector('.pk-viewer-count data')).toHaveTextContent('3'), live);
    const list = canvas.getByRole('region', { name: '3 people online' });
    await expect(within(list).getByText('Ada Lovelace')).toBeVisible();
    await expect(within(list).getByText('Alan Turing')).toBeVisible();
    // A member changes status: their row shows it.
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Ada Lovelace/ }), 'away');
    await waitFor(() => expect(within(list).getByText('away')).toBeVisible(), live);
    // One leaves: everything counts two again.
    await userEvent.click(canvas.getByRole('button', { name: 'Remove member' }));
    await waitFor(() => expect(canvas.getByRole('group', { name: '2 people here' })).toBeVisible(), live);
    await waitFor(() => expect(canvas.getByRole('region', { name: '2 people online' })).toBeVisible(), live);
  },
};

/** 10,000 simulated members with churn, from local-ably's simulation. Not a story test: it is for looking at. */
export const LiveTenThousand: Story = {
  name: 'Live: 10,000 members',
  args: { simulatedMembers: 10_000, churnPerSecond: 20, groupByStatus: true, sortBy: 'name' },
  tags: ['!test'],
};

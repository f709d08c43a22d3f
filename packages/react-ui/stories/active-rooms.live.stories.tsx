import type { Meta, StoryObj } from '@storybook/react-vite';
import { ActiveRooms } from '../src/active-rooms/active-rooms.js';
import { LiveRoom, type LiveRoomProps } from './live/live-room.js';

const meta = {
  title: 'Components/ActiveRooms',
  args: { room: '', simulatedMembers: 40 },
  render: (args) => (
    <LiveRoom {...args}>
      <ActiveRooms prefix="storybook-" limit={5} />
    </LiveRoom>
  ),
} satisfies Meta<Omit<LiveRoomProps, 'children'>>;

export default meta;

/** Every Storybook room open right now, with occupancy, read over REST (the lobby attaches to none of them). */
export const Live: StoryObj<typeof meta> = { name: 'Live: lobby' };

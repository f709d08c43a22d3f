import type { Meta, StoryObj } from '@storybook/react-vite';
import { AvatarStack } from '../src/avatar-stack/avatar-stack.js';
import { LiveRoom, type LiveRoomProps } from './live/live-room.js';

const meta = {
  title: 'Components/AvatarStack',
  args: { room: '', simulatedMembers: 12, churnPerSecond: 1 },
  render: (args) => (
    <LiveRoom {...args}>
      <AvatarStack max={5} size="lg" />
    </LiveRoom>
  ),
} satisfies Meta<Omit<LiveRoomProps, 'children'>>;

export default meta;

export const Live: StoryObj<typeof meta> = { name: 'Live: avatar stack' };

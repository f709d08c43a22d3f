import type { Meta, StoryObj } from '@storybook/react-vite';
import { PresenceIndicator } from '../src/presence-indicator/presence-indicator.js';
import { LiveRoom, type LiveRoomProps } from './live/live-room.js';

const meta = {
  title: 'Components/PresenceIndicator',
  args: { room: '' },
  render: (args) => (
    <LiveRoom {...args}>
      {({ viewerId }) => (
        <p>
          <PresenceIndicator clientId={viewerId} name="You" showLabel /> · add a member, set them away, remove them to
          see "just left":
        </p>
      )}
    </LiveRoom>
  ),
} satisfies Meta<Omit<LiveRoomProps, 'children'>>;

export default meta;

export const Live: StoryObj<typeof meta> = { name: 'Live: indicator' };

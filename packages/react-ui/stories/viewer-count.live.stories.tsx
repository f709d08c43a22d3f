import type { Meta, StoryObj } from '@storybook/react-vite';
import { ViewerCount } from '../src/viewer-count/viewer-count.js';
import { LiveRoom, type LiveRoomProps } from './live/live-room.js';

const meta = {
  title: 'Components/ViewerCount',
  args: { room: '', simulatedMembers: 250, churnPerSecond: 5 },
  argTypes: { simulatedMembers: { control: { type: 'number', min: 0, max: 50_000, step: 100 } } },
  render: (args) => (
    <LiveRoom {...args}>
      <p>
        People: <ViewerCount label="here" />
      </p>
      <p>
        Presence members (tabs): <ViewerCount metric="presenceMembers" label="present" />
      </p>
      <p>
        Connections: <ViewerCount metric="connections" label="watching" />
      </p>
    </LiveRoom>
  ),
} satisfies Meta<Omit<LiveRoomProps, 'children'>>;

export default meta;

/** The three metrics side by side on a live room. */
export const LiveMetrics: StoryObj<typeof meta> = { name: 'Live: metrics' };

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { PresenceIndicatorView } from '../src/presence-indicator/presence-indicator-view.js';
import { HOSTILE_PEOPLE } from './fixtures.js';
import { expectInert } from './hostile-checks.js';

const meta = {
  title: 'Components/PresenceIndicator',
  component: PresenceIndicatorView,
  args: { state: 'online', name: 'Ada', showLabel: true },
  argTypes: { state: { control: 'inline-radio', options: ['online', 'away', 'left', 'offline'] } },
} satisfies Meta<typeof PresenceIndicatorView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Online: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('online')).toBeVisible();
    await expect(canvasElement.querySelector('[data-pk-state="online"]')).toHaveTextContent('Ada is online');
  },
};
export const Away: Story = { args: { state: 'away' } };
export const JustLeft: Story = { name: 'Just left', args: { state: 'left' } };
export const Offline: Story = { args: { state: 'offline' } };
export const DotOnly: Story = { args: { showLabel: false } };
export const All: Story = {
  name: 'Every state',
  render: (args) => (
    <div style={{ display: 'grid', gap: 8 }}>
      {(['online', 'away', 'left', 'offline'] as const).map((state) => (
        <PresenceIndicatorView key={state} {...args} state={state} />
      ))}
    </div>
  ),
};
export const LongNames: Story = {
  args: { name: 'Maximiliana Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh', state: 'away' },
};
export const Hostile: Story = {
  name: 'Hostile data',
  args: { name: HOSTILE_PEOPLE[0]?.name },
  play: async ({ canvasElement }) => expectInert(canvasElement),
};
export const RTL: Story = {
  args: { labels: { online: 'متصل', away: 'بعيد', left: 'غادر للتو', offline: 'غير متصل' } },
  parameters: { pk: { dir: 'rtl' } },
};
export const Dark: Story = { render: All.render, parameters: { pk: { theme: 'dark' } } };

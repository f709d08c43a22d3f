import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ViewerCountView } from '../src/viewer-count/viewer-count-view.js';
import { expectInert } from './hostile-checks.js';

const meta = {
  title: 'Components/ViewerCount',
  component: ViewerCountView,
  args: { count: 42, label: 'watching', state: 'ready' },
  argTypes: {
    state: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    count: { control: { type: 'number', min: 0 } },
  },
} satisfies Meta<typeof ViewerCountView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = { args: { count: 0 } };
export const One: Story = { args: { count: 1, label: 'person here' } };
export const Many: Story = {
  args: { count: 1234 },
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status');
    // Compact for the eye, exact for screen readers and the tooltip.
    await expect(status).toHaveTextContent('1.2K');
    await expect(status).toHaveTextContent('1,234 watching');
    await expect(within(status).getByTitle('1,234 watching')).toBeVisible();
  },
};
export const TenThousand: Story = { args: { count: 10_000 } };
export const Millions: Story = { args: { count: 3_456_789 } };
export const Loading: Story = { args: { state: 'loading', count: undefined } };
export const ErrorState: Story = { name: 'Error', args: { state: 'error', count: undefined } };
export const LongNames: Story = {
  name: 'Long label',
  args: { count: 12, label: 'people reading this very long article' },
};
export const Hostile: Story = {
  name: 'Hostile data',
  args: { count: 7, label: '<img src=x onerror="window.__pkPwned=1">' },
  play: async ({ canvasElement }) => {
    await expectInert(canvasElement);
  },
};
export const RTL: Story = {
  args: { count: 12_345, label: 'يشاهدون', locale: 'ar-EG' },
  parameters: { pk: { dir: 'rtl' } },
};
export const Dark: Story = { args: { count: 987 }, parameters: { pk: { theme: 'dark' } } };
export const German: Story = { args: { count: 1_234_567, label: 'Zuschauer', locale: 'de-DE' } };

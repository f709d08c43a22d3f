import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StatusPickerView } from '../src/status-picker/status-picker-view.js';

const meta = {
  title: 'Components/StatusPicker',
  component: StatusPickerView,
  args: { value: 'online', onChange: fn() },
  render: function Render(args) {
    const [value, setValue] = useState(args.value);
    return (
      <StatusPickerView
        {...args}
        value={value}
        onChange={(next) => {
          setValue(next);
          args.onChange(next);
        }}
      />
    );
  },
} satisfies Meta<typeof StatusPickerView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Status' });
    await userEvent.selectOptions(select, 'away');
    await expect(args.onChange).toHaveBeenCalledWith('away');
    await expect(canvasElement.querySelector('[data-pk-status="away"]')).not.toBeNull();
  },
};
export const CustomStatuses: Story = {
  args: {
    value: 'focus',
    label: 'Availability',
    statuses: [
      { value: 'focus', label: 'Focusing' },
      { value: 'lunch', label: 'At lunch' },
      { value: 'online', label: 'Around' },
    ],
  },
};
export const Disabled: Story = { name: 'Loading (disabled)', args: { disabled: true } };
export const RTL: Story = {
  args: {
    label: 'الحالة',
    statuses: [
      { value: 'online', label: 'متصل' },
      { value: 'away', label: 'بعيد' },
    ],
  },
  parameters: { pk: { dir: 'rtl' } },
};
export const Dark: Story = { parameters: { pk: { theme: 'dark' } } };

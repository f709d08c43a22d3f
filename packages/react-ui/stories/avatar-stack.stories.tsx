import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { AvatarStackItem, AvatarStackOverflow, AvatarStackRoot } from '../src/avatar-stack/avatar-stack-parts.js';
import { AvatarStackView } from '../src/avatar-stack/avatar-stack-view.js';
import { ARABIC_PEOPLE, HOSTILE_PEOPLE, LONG_NAMES, makePeople, TEN_THOUSAND } from './fixtures.js';
import { expectInert } from './hostile-checks.js';

const meta = {
  title: 'Components/AvatarStack',
  component: AvatarStackView,
  args: { people: makePeople(8), max: 5, size: 'md' },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    max: { control: { type: 'number', min: 0 } },
  },
} satisfies Meta<typeof AvatarStackView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = { args: { people: [] } };
export const One: Story = { args: { people: makePeople(1) } };
export const Many: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: '8 people here' })).toBeVisible();
    await expect(canvas.getByRole('img', { name: 'Ada Abe (you)' })).toBeVisible();
    const more = canvas.getByRole('button', { name: 'Show 3 more people' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    // Keyboard: Tab to "+3", Enter opens, Escape closes and focus returns to the button.
    await userEvent.tab();
    await expect(more).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByText('Dara Abe')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toHaveFocus();
  },
};
export const TenThousand: Story = {
  args: { people: TEN_THOUSAND },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Show 9995 more people' }));
    await expect(canvas.getByText('and 9945 more')).toBeVisible();
  },
};
export const Sizes: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <AvatarStackView {...args} size="sm" />
      <AvatarStackView {...args} size="md" />
      <AvatarStackView {...args} size="lg" />
    </div>
  ),
};
export const DuplicateTabs: Story = {
  name: 'One person, three tabs',
  args: {
    people: [...makePeople(2), ...makePeople(1).map((person) => ({ ...person, id: 'user-0:tab-2' }))],
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: '2 people here' })).toBeVisible();
  },
};
export const Loading: Story = {
  name: 'Loading (no one yet)',
  args: { people: [], label: () => 'Loading who is here' },
};
export const LongNames: Story = { args: { people: LONG_NAMES, max: 3 } };
export const Hostile: Story = {
  name: 'Hostile data',
  args: { people: HOSTILE_PEOPLE, max: 8 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /more people/ }));
    await expectInert(canvasElement);
  },
};
export const RTL: Story = {
  args: {
    people: ARABIC_PEOPLE,
    max: 4,
    youText: '(أنت)',
    label: (count) => `${count} أشخاص هنا`,
  },
  parameters: { pk: { dir: 'rtl' } },
};
export const Dark: Story = { args: { people: makePeople(9) }, parameters: { pk: { theme: 'dark' } } };
export const Headless: Story = {
  name: 'Headless parts',
  render: () => {
    const [first, second, ...rest] = makePeople(6);
    return (
      <AvatarStackRoot size="lg" aria-label="Editors">
        {first ? <AvatarStackItem person={first} /> : null}
        {second ? <AvatarStackItem person={second} /> : null}
        <AvatarStackOverflow people={rest} buttonLabel={(count) => `${count} more editors`} />
      </AvatarStackRoot>
    );
  },
};

import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Avatar } from '../src/avatar-stack/avatar.js';
import { AvatarStackItem, AvatarStackOverflow, AvatarStackRoot } from '../src/avatar-stack/avatar-stack-parts.js';
import { AvatarStackView } from '../src/avatar-stack/avatar-stack-view.js';
import { colourFor } from '../src/internal/initials.js';
import type { PersonSummary } from '../src/person-summary.js';
import { makePeople } from '../stories/fixtures.js';

afterEach(cleanup);

describe('AvatarStackView', () => {
  it('shows max avatars and a "+N" naming how many are hidden', () => {
    render(<AvatarStackView people={makePeople(12)} max={4} />);
    const group = screen.getByRole('group', { name: '12 people here' });
    expect(within(group).getAllByRole('img')).toHaveLength(4);
    const more = screen.getByRole('button', { name: 'Show 8 more people' });
    expect(more).toHaveTextContent('+8');
  });

  it('shows no overflow when everyone fits, and handles max=0 and empty lists', () => {
    const { rerender } = render(<AvatarStackView people={makePeople(3)} max={3} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<AvatarStackView people={makePeople(3)} max={0} />);
    expect(screen.getByRole('button', { name: 'Show 3 more people' })).toBeTruthy();
    rerender(<AvatarStackView people={[]} />);
    expect(screen.getByRole('group', { name: '0 people here' })).toBeTruthy();
  });

  it('counts a person with several tabs once and puts me first', () => {
    const [me, other] = makePeople(2) as [PersonSummary, PersonSummary];
    const tabs: PersonSummary[] = [
      { ...other, id: 'user-1:a' },
      { ...me, id: 'user-0:a' },
      { ...other, id: 'user-1:b' },
      { ...me, id: 'user-0:b' },
      { ...other, id: 'user-1:c' },
    ];
    render(<AvatarStackView people={tabs} max={5} />);
    const images = within(screen.getByRole('group', { name: '2 people here' })).getAllByRole('img');
    expect(images.map((image) => image.getAttribute('aria-label'))).toEqual(['Ada Abe (you)', 'Alan Abe']);
  });

  it('opens the overflow with the button and closes it with Escape, returning focus', () => {
    render(<AvatarStackView people={makePeople(7)} max={5} />);
    const more = screen.getByRole('button', { name: 'Show 2 more people' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    const list = document.getElementById(more.getAttribute('aria-controls') as string) as HTMLElement;
    expect(list.hidden).toBe(true);
    fireEvent.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    expect(list.hidden).toBe(false);
    const names = within(list)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.pk-name')?.textContent);
    expect(names).toEqual(['Chloe Abe', 'Dara Abe']);
    list.focus();
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(more);
  });

  it('closes the overflow on a click outside', () => {
    render(<AvatarStackView people={makePeople(7)} max={5} />);
    const more = screen.getByRole('button', { name: 'Show 2 more people' });
    fireEvent.click(more);
    fireEvent.pointerDown(document.body);
    expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  it('lists at most 50 hidden people and summarises the rest', () => {
    render(<AvatarStackView people={makePeople(1000)} max={5} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show 995 more people' }));
    const list = screen.getByRole('list', { name: '995 more people' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(51);
    expect(list).toHaveTextContent('and 945 more');
  });
});

describe('Avatar', () => {
  it('shows initials on a colour derived from the clientId when there is no safe image', () => {
    const { container } = render(
      <Avatar person={{ clientId: 'ada', name: 'Ada Lovelace', avatarUrl: 'javascript:alert(1)' }} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('img', { name: 'Ada Lovelace' })).toHaveTextContent('AL');
    const avatar = container.querySelector('.pk-avatar') as HTMLElement;
    expect(avatar.style.getPropertyValue('--pk-avatar-colour')).toBe(colourFor('ada'));
    expect(colourFor('ada')).toBe(colourFor('ada'));
    expect(colourFor('ada')).not.toBe(colourFor('bob'));
  });

  it('falls back to initials when the image fails to load', () => {
    const { container } = render(
      <Avatar person={{ clientId: 'ada', name: 'Ada', avatarUrl: 'https://example.com/a.png' }} />,
    );
    const image = container.querySelector('img') as HTMLImageElement;
    expect(image.getAttribute('src')).toBe('https://example.com/a.png');
    expect(image.getAttribute('alt')).toBe('');
    fireEvent.error(image);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('A');
  });
});

describe('AvatarStack parts', () => {
  it('compose a custom stack, and a part outside Root says where it belongs', () => {
    const [ada, alan, ...rest] = makePeople(4) as PersonSummary[];
    render(
      <AvatarStackRoot aria-label="Editors" size="lg">
        <AvatarStackItem person={ada as PersonSummary} />
        <AvatarStackItem person={alan as PersonSummary} />
        <AvatarStackOverflow people={rest} buttonLabel={(count) => `${count} more editors`} />
      </AvatarStackRoot>,
    );
    expect(screen.getByRole('group', { name: 'Editors' })).toHaveAttribute('data-pk-size', 'lg');
    expect(screen.getByRole('button', { name: '2 more editors' })).toBeTruthy();
    expect(() => render(<AvatarStackItem person={ada as PersonSummary} />)).toThrow(
      '`AvatarStack.Item` must be used within `AvatarStack.Root`',
    );
  });

  it('forwards refs and spreads props onto the root', () => {
    let root: HTMLDivElement | null = null;
    render(
      <AvatarStackView
        ref={(node) => {
          root = node;
        }}
        people={makePeople(2)}
        className="mine"
        data-testid="stack"
      />,
    );
    expect(root).toBe(screen.getByTestId('stack'));
    expect(screen.getByTestId('stack')).toHaveClass('pk-avatar-stack', 'mine');
  });
});

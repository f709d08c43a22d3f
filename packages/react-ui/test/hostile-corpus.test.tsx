import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AvatarStackView } from '../src/avatar-stack/avatar-stack-view.js';
import { OnlineListView } from '../src/online-list/online-list-view.js';
import { toPersonSummary } from '../src/person-summary.js';
import { HOSTILE_PRESENCE_DATA } from './support/hostile-corpus.js';
import { withViewportLayout } from './support/layout.js';

afterEach(cleanup);
withViewportLayout(2_000);

const people = HOSTILE_PRESENCE_DATA.map((entry) => toPersonSummary(entry));

function assertInert(container: HTMLElement) {
  expect(container.querySelector('script, iframe, object, embed, svg, [onerror], [onload]')).toBeNull();
  for (const image of container.querySelectorAll('img')) {
    expect(image.getAttribute('src')).toMatch(/^(https?:|blob:|data:image\/)/);
  }
  expect(container.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect((window as { __pkPwned?: unknown }).__pkPwned).toBeUndefined();
}

describe('the hostile corpus', () => {
  it('renders as inert text in the list', () => {
    const { container } = render(<OnlineListView people={people} />);
    expect(container.querySelectorAll('.pk-online-list__row')).toHaveLength(people.length);
    expect(screen.getAllByText('<img src=x onerror="window.__pkPwned=1">').length).toBeGreaterThan(0);
    assertInert(container);
  });

  it('renders as inert text in the avatar stack and its overflow', () => {
    const { container } = render(<AvatarStackView people={people} max={6} />);
    fireEvent.click(screen.getByRole('button', { name: /more people/ }));
    assertInert(container);
  });
});

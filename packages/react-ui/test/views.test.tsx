import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActiveRoomsView } from '../src/active-rooms/active-rooms-view.js';
import { PresenceIndicatorView } from '../src/presence-indicator/presence-indicator-view.js';
import { StatusPickerView } from '../src/status-picker/status-picker-view.js';
import { ViewerCountView } from '../src/viewer-count/viewer-count-view.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const announced = () => (screen.getByRole('status').lastElementChild as HTMLElement).textContent;

describe('ViewerCountView', () => {
  it('shows a compact number, with the exact figure in the tooltip and for screen readers', () => {
    render(<ViewerCountView count={1234} label="watching" />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status.querySelector('data')).toHaveTextContent('1.2K');
    expect(status.querySelector('data')).toHaveAttribute('value', '1234');
    expect(screen.getByTitle('1,234 watching')).toBeInTheDocument();
    expect(announced()).toBe('1,234 watching');
  });

  it('formats for the locale', () => {
    render(<ViewerCountView count={3_456_789} locale="de-DE" />);
    expect(screen.getByRole('status').querySelector('data')).toHaveTextContent('3,5 Mio.');
    expect(announced()).toBe('3.456.789');
  });

  it('throttles announcements but never delays the visible number, and settles on the last value', () => {
    vi.useFakeTimers();
    const { rerender } = render(<ViewerCountView count={1} announceEveryMs={5_000} />);
    expect(announced()).toBe('1');
    act(() => vi.advanceTimersByTime(6_000));
    rerender(<ViewerCountView count={2} announceEveryMs={5_000} />);
    expect(announced()).toBe('2');
    rerender(<ViewerCountView count={3} announceEveryMs={5_000} />);
    rerender(<ViewerCountView count={4} announceEveryMs={5_000} />);
    expect(screen.getByRole('status').querySelector('data')).toHaveTextContent('4');
    expect(announced()).toBe('2');
    act(() => vi.advanceTimersByTime(5_000));
    expect(announced()).toBe('4');
  });

  it('has loading and error states', () => {
    const { rerender } = render(<ViewerCountView count={undefined} state="loading" />);
    expect(screen.getByRole('status')).toHaveAttribute('data-pk-state', 'loading');
    expect(announced()).toBe('Loading count');
    rerender(<ViewerCountView count={undefined} state="error" errorText="Viewers unavailable" />);
    expect(screen.getByRole('status')).toHaveAttribute('data-pk-state', 'error');
  });
});

describe('PresenceIndicatorView', () => {
  it('says the state in words, not only in colour', () => {
    const { rerender } = render(<PresenceIndicatorView state="left" name="Ada" />);
    expect(document.querySelector('.pk-presence-indicator')).toHaveTextContent('Ada just left');
    rerender(<PresenceIndicatorView state="away" name="Ada" showLabel />);
    expect(screen.getByText('away')).toBeInTheDocument();
    expect(document.querySelector('[data-pk-state="away"]')).toHaveTextContent('Ada is away');
  });
});

describe('StatusPickerView', () => {
  it('is a labelled select with the configured statuses', () => {
    const onChange = vi.fn();
    render(
      <StatusPickerView
        value="focus"
        onChange={onChange}
        statuses={[
          { value: 'focus', label: 'Focusing' },
          { value: 'lunch', label: 'At lunch' },
        ]}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Status' });
    expect(select).toHaveValue('focus');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Focusing', 'At lunch']);
    fireEvent.change(select, { target: { value: 'lunch' } });
    expect(onChange).toHaveBeenCalledWith('lunch');
  });
});

describe('ActiveRoomsView', () => {
  it('lists rooms with compact counts and exact figures for screen readers, and pages', () => {
    const onLoadMore = vi.fn();
    render(
      <ActiveRoomsView
        rooms={[{ room: 'lobby', present: 1500, connections: 23_456 }]}
        hasMore
        onLoadMore={onLoadMore}
      />,
    );
    const list = screen.getByRole('list', { name: 'Active rooms' });
    expect(list).toHaveTextContent('lobby');
    expect(list).toHaveTextContent('1,500 present');
    expect(list).toHaveTextContent('23,456 watching');
    expect(list).toHaveTextContent('23.5K watching');
    fireEvent.click(screen.getByRole('button', { name: 'Load more rooms' }));
    expect(onLoadMore).toHaveBeenCalledOnce();
  });

  it('has empty, loading and error states', () => {
    const { rerender } = render(<ActiveRoomsView rooms={[]} />);
    expect(screen.getByRole('status')).toHaveTextContent('No rooms are active right now.');
    rerender(<ActiveRoomsView rooms={[]} state="loading" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading rooms');
    rerender(<ActiveRoomsView rooms={[]} state="error" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load rooms.');
  });
});

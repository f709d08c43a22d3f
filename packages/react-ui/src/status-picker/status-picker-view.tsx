'use client';

import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react';
import { cx } from '../internal/cx.js';

/** One choice in a status picker. */
export interface StatusOption {
  value: string;
  label: string;
}

/** The default statuses. */
export const DEFAULT_STATUSES: readonly StatusOption[] = [
  { value: 'online', label: 'Online' },
  { value: 'away', label: 'Away' },
  { value: 'busy', label: 'Busy' },
];

/** Props of {@link StatusPickerView}. */
export interface StatusPickerViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onChange' | 'children'> {
  value: string;
  onChange: (value: string) => void;
  /** Default online, away, busy. */
  statuses?: readonly StatusOption[];
  /** Visible label. Default "Status". */
  label?: string;
  disabled?: boolean;
}

/**
 * A presentational status picker: a labelled native `<select>`, so keyboard, screen readers, touch and RTL all
 * behave as the platform does.
 *
 * @example
 * <StatusPickerView value={status} onChange={setStatus} />
 */
export const StatusPickerView = forwardRef<HTMLDivElement, StatusPickerViewProps>(function StatusPickerView(
  { value, onChange, statuses = DEFAULT_STATUSES, label = 'Status', disabled = false, className, ...rest },
  ref,
) {
  const id = useId();
  return (
    <div ref={ref} className={cx('pk-status-picker', className)} data-pk-status={value} {...rest}>
      <label htmlFor={id} className="pk-status-picker__label">
        {label}
      </label>
      <span className="pk-status-picker__control">
        <span className="pk-presence-indicator__dot" data-pk-status={value} aria-hidden="true" />
        <select
          id={id}
          className="pk-input pk-status-picker__select"
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        >
          {statuses.map((status) => (
            <option key={status.value} value={status.value}>
              {status.label}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
});

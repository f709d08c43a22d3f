'use client';

import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { cx } from '../internal/cx.js';
import { formatCompact, formatExact } from '../internal/format-count.js';
import { useThrottledValue } from '../internal/use-throttled-value.js';
import { VisuallyHidden } from '../internal/visually-hidden.js';

/** Loading, ready or error: what a count component shows. */
export type LoadState = 'loading' | 'ready' | 'error';

/** Props of {@link ViewerCountView}. */
export interface ViewerCountViewProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** The number to show; ignored while `state` is not `ready`. */
  count: number | undefined;
  /** Default `ready`. */
  state?: LoadState;
  /** A word after the number, such as "watching". Also read to screen readers. */
  label?: string;
  /** Locale for number formatting; defaults to the browser's. */
  locale?: string;
  /** Screen-reader announcements change at most this often (ms). Default 5,000. The visible number is never delayed. */
  announceEveryMs?: number;
  /** What screen readers hear while loading. */
  loadingText?: string;
  /** What screen readers hear on error. */
  errorText?: string;
}

/**
 * A presentational viewer count: a compact number (1.2K) with the exact figure in a tooltip and for screen readers,
 * in a polite `role="status"` region whose announcements are throttled.
 *
 * @example
 * <ViewerCountView count={1234} label="watching" />
 */
export const ViewerCountView = forwardRef<HTMLSpanElement, ViewerCountViewProps>(function ViewerCountView(
  {
    count,
    state = 'ready',
    label,
    locale,
    announceEveryMs = 5_000,
    loadingText = 'Loading count',
    errorText = 'Count unavailable',
    className,
    ...rest
  },
  ref,
) {
  const ready = state === 'ready' && count !== undefined;
  const exact = ready ? formatExact(count, locale) : '';
  const spoken = ready ? (label ? `${exact} ${label}` : exact) : state === 'error' ? errorText : loadingText;
  const announced = useThrottledValue(spoken, announceEveryMs);
  return (
    <span
      ref={ref}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-pk-state={ready ? 'ready' : state === 'error' ? 'error' : 'loading'}
      className={cx('pk-viewer-count', className)}
      {...rest}
    >
      <span aria-hidden="true" className="pk-viewer-count__value" title={ready ? spoken : undefined}>
        {ready ? <data value={count}>{formatCompact(count, locale)}</data> : state === 'error' ? '—' : '…'}
      </span>
      {label ? (
        <span aria-hidden="true" className="pk-viewer-count__label">
          {label}
        </span>
      ) : null}
      <VisuallyHidden>{announced}</VisuallyHidden>
    </span>
  );
});

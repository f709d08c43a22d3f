'use client';

import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { cx } from '../internal/cx.js';
import { VisuallyHidden } from '../internal/visually-hidden.js';

/** Online, away, offline, or `left`: offline for only a moment (the short grace state after someone leaves). */
export type PresenceState = 'online' | 'away' | 'offline' | 'left';

/** Props of {@link PresenceIndicatorView}. */
export interface PresenceIndicatorViewProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  state: PresenceState;
  /** Whose state it is, for the accessible text ("Ada is online"). */
  name?: string;
  /** Show the state as visible text beside the dot. */
  showLabel?: boolean;
  /** Override the words for each state. */
  labels?: Partial<Record<PresenceState, string>>;
}

const DEFAULT_LABELS: Record<PresenceState, string> = {
  online: 'online',
  away: 'away',
  offline: 'offline',
  left: 'just left',
};

/**
 * A presentational presence dot: online, away, offline, or "just left". The state is in `data-pk-state` for styling
 * and in text for screen readers (colour is never the only signal).
 *
 * @example
 * <PresenceIndicatorView state="away" name="Ada" showLabel />
 */
export const PresenceIndicatorView = forwardRef<HTMLSpanElement, PresenceIndicatorViewProps>(
  function PresenceIndicatorView({ state, name, showLabel = false, labels, className, ...rest }, ref) {
    const word = { ...DEFAULT_LABELS, ...labels }[state];
    return (
      <span ref={ref} className={cx('pk-presence-indicator', className)} data-pk-state={state} {...rest}>
        <span className="pk-presence-indicator__dot" aria-hidden="true" />
        {showLabel ? (
          <span className="pk-presence-indicator__label">
            {name ? <VisuallyHidden>{state === 'left' ? `${name} ` : `${name} is `}</VisuallyHidden> : null}
            {word}
          </span>
        ) : (
          <VisuallyHidden>{name ? (state === 'left' ? `${name} ${word}` : `${name} is ${word}`) : word}</VisuallyHidden>
        )}
      </span>
    );
  },
);

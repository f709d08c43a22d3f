'use client';

import { usePerson } from '@presence-kit/react';
import { forwardRef, useEffect, useRef, useState } from 'react';
import { defaultPresenceAccessor, type PresenceAccessor } from '../person-summary.js';
import {
  PresenceIndicatorView,
  type PresenceIndicatorViewProps,
  type PresenceState,
} from './presence-indicator-view.js';

/** Props of {@link PresenceIndicator}. */
export interface PresenceIndicatorProps extends Omit<PresenceIndicatorViewProps, 'state'> {
  clientId: string;
  /** Room name; default the enclosing `<PresenceRoom>`. */
  room?: string;
  /** How long "just left" shows before "offline" (ms). Default 5,000. */
  leftGraceMs?: number;
  /** Presence statuses that count as away. Default `['away']`. */
  awayStatuses?: readonly string[];
  accessor?: PresenceAccessor;
}

/**
 * Whether one person is online, away or offline, with a short "just left" state after their last connection leaves,
 * so a reload does not flash "offline".
 *
 * @example
 * <PresenceIndicator clientId="ada" name="Ada" showLabel />
 */
export const PresenceIndicator = forwardRef<HTMLSpanElement, PresenceIndicatorProps>(function PresenceIndicator(
  { clientId, room, leftGraceMs = 5_000, awayStatuses = DEFAULT_AWAY, accessor = defaultPresenceAccessor, ...rest },
  ref,
) {
  const status = usePerson({
    room,
    clientId,
    select: (person) => {
      if (!person) return 'absent' as const;
      const value = accessor(person.latest.data).status;
      return typeof value === 'string' && awayStatuses.includes(value) ? ('away' as const) : ('online' as const);
    },
  });
  const wasPresent = useRef(false);
  const [justLeft, setJustLeft] = useState(false);

  useEffect(() => {
    if (status !== 'absent') {
      wasPresent.current = true;
      setJustLeft(false);
      return;
    }
    if (!wasPresent.current) return;
    wasPresent.current = false;
    setJustLeft(true);
    const timer = setTimeout(() => setJustLeft(false), leftGraceMs);
    return () => clearTimeout(timer);
  }, [status, leftGraceMs]);

  const state: PresenceState = status === 'absent' ? (justLeft ? 'left' : 'offline') : status;
  return <PresenceIndicatorView ref={ref} state={state} {...rest} />;
});

const DEFAULT_AWAY: readonly string[] = ['away'];

'use client';

import { usePresence } from '@presence-kit/react';
import { forwardRef, useState } from 'react';
import { DEFAULT_STATUSES, StatusPickerView, type StatusPickerViewProps } from './status-picker-view.js';

/** Props of {@link StatusPicker}. */
export interface StatusPickerProps extends Omit<StatusPickerViewProps, 'value' | 'onChange'> {
  /** Room name; default the enclosing `<PresenceRoom>`. */
  room?: string;
  /** Initial status; default the first of `statuses`. */
  defaultStatus?: string;
  /** Called after my status changes. */
  onStatusChange?: (status: string) => void;
}

/**
 * Sets my status in the room's presence data (`{ status }`). It enters presence while mounted; other `usePresence`
 * calls in the same room (for example one that sets `name`) are merged with it, so it never wipes my name.
 *
 * @example
 * <StatusPicker statuses={[{ value: 'online', label: 'Here' }, { value: 'away', label: 'Be right back' }]} />
 */
export const StatusPicker = forwardRef<HTMLDivElement, StatusPickerProps>(function StatusPicker(
  { room, statuses = DEFAULT_STATUSES, defaultStatus, onStatusChange, ...rest },
  ref,
) {
  const [status, setStatus] = useState(() => defaultStatus ?? statuses[0]?.value ?? 'online');
  usePresence({ room, data: { status } });
  return (
    <StatusPickerView
      ref={ref}
      value={status}
      statuses={statuses}
      onChange={(value) => {
        setStatus(value);
        onStatusChange?.(value);
      }}
      {...rest}
    />
  );
});

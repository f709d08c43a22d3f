import { useConnectionStatus } from '@presence-kit/react';
import type * as Ably from 'ably';

const MESSAGES: Partial<Record<string, string>> = {
  connecting: 'Connecting…',
  disconnected: 'Reconnecting… The list catches up by itself when the connection is back.',
  suspended: 'You are offline. Still retrying; your presence comes back when the connection does.',
  failed: 'The connection failed.',
};

/** Says what the connection is doing when it is not simply connected; silent otherwise. */
export function ConnectionBanner({ realtime }: { realtime: Ably.Realtime }) {
  const { status, error } = useConnectionStatus();
  const message = MESSAGES[status];
  if (!message) return null;
  const reason = status === 'failed' ? error?.message : undefined;
  return (
    <div className="banner" data-state={status} role="status">
      <span>{message}</span>
      {reason && <span className="banner-reason"> {reason}</span>}
      {status === 'failed' && (
        <button type="button" className="button button-small" onClick={() => realtime.connect()}>
          Try again
        </button>
      )}
    </div>
  );
}

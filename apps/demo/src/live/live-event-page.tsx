import type { AblyConnectionConfig } from '@presence-kit/local-ably/vite/client';
import { usePresence } from '@presence-kit/react';
import type * as Ably from 'ably';
import { useState } from 'react';
import { DevPanel } from '../dev-panel/dev-panel.js';
import { DEMO_STATUSES, type DemoPresence } from '../identity/demo-presence.js';
import type { JoinDetails } from '../identity/join-details.js';
import { ActiveRooms, AvatarStack, OnlineList, StatusPicker, ViewerCount } from '../interim/presence-widgets.js';
import { ConnectionBanner } from './connection-banner.js';

export interface LiveEventPageProps {
  config: AblyConnectionConfig;
  details: JoinDetails;
  realtime: Ably.Realtime;
  onLeave(): void;
  onSwitchRoom(room: string): void;
}

/** The live-event page: who is here and how many are watching, my status, other rooms, and (locally) the dev panel. */
export function LiveEventPage({ config, details, realtime, onLeave, onSwitchRoom }: LiveEventPageProps) {
  const [status, setStatus] = useState(details.status);
  const data: DemoPresence = {
    name: details.name,
    status,
    ...(details.avatarUrl ? { avatarUrl: details.avatarUrl } : {}),
  };
  const presence = usePresence<DemoPresence>({ data });

  const leave = () => {
    // Send the leave, but never wait for it: offline, the SDK would hold it until it reconnects. Leaving the page
    // closes the connection, which removes me from presence at once anyway.
    presence.leave().catch(() => {});
    onLeave();
  };

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="live-dot" aria-hidden="true" />
          <span className="brand-name">presence-kit</span>
          <span className="room-name" title="Room">
            #{details.room}
          </span>
        </div>
        <div className="topbar-presence">
          <AvatarStack />
          <ViewerCount />
        </div>
        <button type="button" className="button" onClick={leave}>
          Leave
        </button>
      </header>
      <ConnectionBanner realtime={realtime} />
      <main className="layout">
        <section className="stage" aria-labelledby="stage-title">
          <div className="stage-screen">
            <p className="stage-kicker">Live now</p>
            <h1 id="stage-title">Launch keynote</h1>
            <p className="muted">
              Signed in as <strong>{details.name}</strong>. Open this link in another window to see yourself arrive.
            </p>
          </div>
          <div className="stage-controls">
            <StatusPicker value={status} onChange={setStatus} statuses={DEMO_STATUSES} />
            {presence.error && (
              <p className="field-error" role="alert">
                Could not update your presence: {presence.error.message}
              </p>
            )}
          </div>
        </section>
        <aside className="panel online-panel" aria-labelledby="online-title">
          <h2 id="online-title">Online</h2>
          <OnlineList />
        </aside>
        <aside className="panel lobby-panel" aria-labelledby="lobby-title">
          <h2 id="lobby-title">Rooms</h2>
          <ActiveRooms onSelect={onSwitchRoom} />
        </aside>
        {config.mode === 'local-ably' && (
          <DevPanel adminUrl={config.adminUrl} room={details.room} realtime={realtime} />
        )}
      </main>
    </div>
  );
}

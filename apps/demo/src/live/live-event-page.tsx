import type { AblyConnectionConfig } from '@presence-kit/local-ably/vite/client';
import { usePersonIds, usePresence, usePresenceKit } from '@presence-kit/react';
import { roomsKeys } from '@presence-kit/react/server';
import { AvatarStack, OnlineList, StatusPicker, ViewerCount } from '@presence-kit/react-ui';
import { ActiveRooms } from '@presence-kit/react-ui/query';
import type * as Ably from 'ably';
import { useEffect } from 'react';
import { DevPanel } from '../dev-panel/dev-panel.js';
import { DEMO_STATUS_OPTIONS, type DemoPresence } from '../identity/demo-presence.js';
import type { JoinDetails } from '../identity/join-details.js';
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
  // My name and avatar; <StatusPicker> contributes `status` through its own usePresence, merged with this.
  const data: Omit<DemoPresence, 'status'> = {
    name: details.name,
    ...(details.avatarUrl ? { avatarUrl: details.avatarUrl } : {}),
  };
  const presence = usePresence<Omit<DemoPresence, 'status'>>({ data });
  const peopleHere = usePersonIds().length;
  const { queryClient } = usePresenceKit();

  // The lobby is a REST listing read on mount, before this room is active: read it again once I am in.
  useEffect(() => {
    if (presence.isPresent) void queryClient?.invalidateQueries({ queryKey: roomsKeys.all });
  }, [presence.isPresent, queryClient]);

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
          <AvatarStack max={5} size="md" />
          {/* Connections: every open tab watching, as the issue asks; people are in the stack and the list. */}
          <ViewerCount metric="connections" label="watching" className="viewer-count" />
        </div>
        <button type="button" className="button" onClick={leave}>
          Leave
        </button>
      </header>
      <ConnectionBanner realtime={realtime} />
      <main className="layout">
        <div className="main-column">
          <section className="stage" aria-labelledby="stage-title">
            <div className="stage-screen">
              <p className="stage-kicker">Live now</p>
              <h1 id="stage-title">Launch keynote</h1>
              <p className="stage-note">
                Signed in as <bdi className="stage-name">{details.name}</bdi>. Open this link in another window to see
                yourself arrive.
              </p>
            </div>
            <div className="stage-controls">
              <StatusPicker statuses={DEMO_STATUS_OPTIONS} defaultStatus={details.status} label="My status" />
              {presence.error && (
                <p className="field-error" role="alert">
                  Could not update your presence: {presence.error.message}
                </p>
              )}
            </div>
          </section>
          <section className="panel lobby-panel" aria-labelledby="lobby-title">
            <h2 id="lobby-title">Rooms</h2>
            <ActiveRooms
              limit={20}
              renderRoomName={(room) =>
                room === details.room ? (
                  <span aria-current="true">{room} (you are here)</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => onSwitchRoom(room)}>
                    {room}
                  </button>
                )
              }
            />
          </section>
          {config.mode === 'local-ably' && (
            <DevPanel adminUrl={config.adminUrl} room={details.room} realtime={realtime} />
          )}
        </div>
        <aside className="panel online-panel" aria-labelledby="online-title">
          <h2 id="online-title">
            Online <span className="count-badge">{peopleHere.toLocaleString()}</span>
          </h2>
          <OnlineList sortBy="joined" searchable />
        </aside>
      </main>
    </div>
  );
}

import type { ChatClient } from '@ably/chat';
import { PresenceKitProvider, PresenceRoom, usePresence } from '@presence-kit/react';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { connectLive, type LiveConnection } from './connect.js';
import { MemberPanel } from './member-panel.js';

/** Props of {@link LiveRoom}. */
export interface LiveRoomProps {
  /** The room; a fresh random one when empty, so story tests never see each other's members. */
  room?: string;
  /** Simulated members local-ably keeps in the room (its admin API); 0 for none. */
  simulatedMembers?: number;
  /** Churn events per second among simulated members. */
  churnPerSecond?: number;
  /** The viewer's display name. */
  viewerName?: string;
  /** The components under test; a function receives the room and the viewer's clientId. */
  children: ReactNode | ((context: { room: string; viewerId: string }) => ReactNode);
}

type State =
  | { kind: 'connecting' }
  | { kind: 'ready'; live: LiveConnection; me: ChatClient }
  | { kind: 'error'; message: string };

/**
 * Live stories' frame: connects the real `ably` + `@ably/chat` SDKs to local-ably (through the Vite plugin's token
 * endpoint), enters the viewer into the room, and shows a panel to add, remove and re-status members.
 */
export function LiveRoom({
  room,
  simulatedMembers = 0,
  churnPerSecond = 0,
  viewerName = 'You (Storybook)',
  children,
}: LiveRoomProps) {
  const [roomName] = useState(() => room || `storybook-${Math.random().toString(36).slice(2, 8)}`);
  const [state, setState] = useState<State>({ kind: 'connecting' });
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const viewerId = useRef(`viewer-${Math.random().toString(36).slice(2, 8)}`);

  useEffect(() => {
    let me: ChatClient | undefined;
    let cancelled = false;
    connectLive().then(
      (live) => {
        if (cancelled) return;
        me = live.chat(viewerId.current);
        setState({ kind: 'ready', live, me });
      },
      (error: Error) => !cancelled && setState({ kind: 'error', message: error.message }),
    );
    return () => {
      cancelled = true;
      me?.realtime.close();
    };
  }, []);

  if (state.kind === 'connecting') return <p role="status">Connecting to local-ably…</p>;
  if (state.kind === 'error')
    return (
      <div role="alert" className="pk-live-error">
        <strong>Live story unavailable.</strong> {state.message}
      </div>
    );
  return (
    <PresenceKitProvider client={state.me} queryClient={queryClient}>
      <PresenceRoom name={roomName} options={{ occupancy: { enableEvents: true } }}>
        <Viewer name={viewerName} />
        <div className="pk-live">
          <div className="pk-live__components">
            {typeof children === 'function' ? children({ room: roomName, viewerId: viewerId.current }) : children}
          </div>
          <MemberPanel
            live={state.live}
            room={roomName}
            simulatedMembers={simulatedMembers}
            churnPerSecond={churnPerSecond}
          />
        </div>
      </PresenceRoom>
    </PresenceKitProvider>
  );
}

function Viewer({ name }: { name: string }) {
  usePresence({ data: { name, status: 'online' } });
  return null;
}

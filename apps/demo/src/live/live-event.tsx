import type { RoomOptions } from '@ably/chat';
import type { AblyConnectionConfig } from '@presence-kit/local-ably/vite/client';
import { PresenceKitProvider, PresenceRoom } from '@presence-kit/react';
import { roomsKeys } from '@presence-kit/react/server';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { JoinDetails } from '../identity/join-details.js';
import { LiveEventPage } from './live-event-page.js';
import { useChatClient } from './use-chat-client.js';

/** Live occupancy events (the token grants channel-metadata on the room for them), so counts move at once. */
const LIVE_OCCUPANCY: RoomOptions = { occupancy: { enableEvents: true } };

export interface LiveEventProps {
  config: AblyConnectionConfig;
  clientId: string;
  details: JoinDetails;
  onLeave(): void;
  onSwitchRoom(room: string): void;
}

/** One connection, one room: the provider and room scope around the live-event page. */
export function LiveEvent({ config, clientId, details, onLeave, onSwitchRoom }: LiveEventProps) {
  const client = useChatClient(config, clientId, details.room);
  const [queryClient] = useState(createQueryClient);
  return (
    <PresenceKitProvider client={client} queryClient={queryClient}>
      <PresenceRoom name={details.room} options={LIVE_OCCUPANCY}>
        <LiveEventPage
          config={config}
          details={details}
          realtime={client.realtime}
          onLeave={onLeave}
          onSwitchRoom={onSwitchRoom}
        />
      </PresenceRoom>
    </PresenceKitProvider>
  );
}

/** The lobby is a REST listing: refresh it every few seconds so rooms appear and counts move without a reload. */
function createQueryClient(): QueryClient {
  const queryClient = new QueryClient();
  queryClient.setQueryDefaults(roomsKeys.all, { refetchInterval: 5_000 });
  return queryClient;
}

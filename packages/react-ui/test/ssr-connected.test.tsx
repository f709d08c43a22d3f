// @vitest-environment node
import { ChatClient, LogLevel } from '@ably/chat';
import { PresenceKitProvider, PresenceRoom } from '@presence-kit/react';
import { QueryClient } from '@tanstack/react-query';
import * as Ably from 'ably';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActiveRooms } from '../src/active-rooms/active-rooms.js';
import { AvatarStack } from '../src/avatar-stack/avatar-stack.js';
import { OnlineList } from '../src/online-list/online-list.js';
import { PresenceIndicator } from '../src/presence-indicator/presence-indicator.js';
import { StatusPicker } from '../src/status-picker/status-picker.js';
import { ViewerCount } from '../src/viewer-count/viewer-count.js';

describe('server rendering of the connected components', () => {
  it('renders loading states with no connection and no network', () => {
    const realtime = new Ably.Realtime({ key: 'app.key:secret', clientId: 'ada', autoConnect: false, logLevel: 0 });
    const client = new ChatClient(realtime, { logLevel: LogLevel.Silent });
    const html = renderToString(
      <PresenceKitProvider client={client} queryClient={new QueryClient()}>
        <PresenceRoom name="lobby">
          <ViewerCount label="here" />
          <ViewerCount metric="connections" />
          <AvatarStack />
          <OnlineList />
          <PresenceIndicator clientId="bob" name="Bob" />
          <StatusPicker />
          <ActiveRooms />
        </PresenceRoom>
      </PresenceKitProvider>,
    );
    expect(html).toContain('Loading count');
    expect(html).toContain('0 people here');
    expect(html).toContain('Loading who is here');
    expect(html).toContain('Bob is offline');
    expect(html).toContain('<select');
    expect(html).toContain('Loading rooms');
    expect(realtime.connection.state).toBe('initialized');
    realtime.close();
  });
});

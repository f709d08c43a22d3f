import { ChatClient, LogLevel } from '@ably/chat';
import { type AblyConnectionConfig, ablyClientOptions } from '@presence-kit/local-ably/vite/client';
import * as Ably from 'ably';
import { useEffect, useState } from 'react';

const pendingClose = new WeakMap<ChatClient, ReturnType<typeof setTimeout>>();

/**
 * One ChatClient per mounted room page, authenticated through the token endpoint (the browser never holds a key).
 * It connects in an effect, and closes a tick after unmount, so StrictMode's unmount-remount keeps one connection.
 */
export function useChatClient(config: AblyConnectionConfig, clientId: string, room: string): ChatClient {
  const [client] = useState(
    () =>
      new ChatClient(
        new Ably.Realtime({
          ...ablyClientOptions(config, { clientId, room }),
          autoConnect: false,
          logLevel: 1,
        }),
        { logLevel: LogLevel.Error },
      ),
  );
  useEffect(() => {
    clearTimeout(pendingClose.get(client));
    pendingClose.delete(client);
    if (client.realtime.connection.state === 'initialized') client.realtime.connect();
    return () => {
      pendingClose.set(
        client,
        setTimeout(() => client.realtime.close()),
      );
    };
  }, [client]);
  return client;
}

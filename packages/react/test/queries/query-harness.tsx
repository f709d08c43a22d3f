import { ChatClient, LogLevel, type Room, type RoomOptions } from '@ably/chat';
import { type LocalAbly, type LocalAblyOptions, startLocalAbly } from '@presence-kit/local-ably';
import { QueryClient } from '@tanstack/react-query';
import { type RenderHookResult, renderHook } from '@testing-library/react';
import * as Ably from 'ably';
import type { ReactNode } from 'react';
import { afterEach, vi } from 'vitest';
import { PresenceKitProvider } from '../../src/provider/presence-kit-provider.js';
import { PresenceRoom } from '../../src/provider/presence-room.js';

/**
 * Test support for the query hooks: a port-0 local-ably, real ChatClients on it, and a renderHook wrapper that
 * renders the real `<PresenceKitProvider>` (and optionally a `<PresenceRoom>`, which attaches the room).
 */
export interface QueryHarness {
  server: LocalAbly;
  /** A real ChatClient on its own Realtime connection; closed after the test. */
  chat(clientId: string, options?: Partial<Ably.ClientOptions>): ChatClient;
  /** A chat room, attached, on `client`. */
  room(client: ChatClient, name: string, options?: RoomOptions): Promise<Room>;
  /** A QueryClient that does not retry (errors surface at once) and is cleared after the test. */
  queryClient(): QueryClient;
  /**
   * Renders a hook under `<PresenceKitProvider client queryClient>`, inside `<PresenceRoom name={room}>` when given
   * (the observer then attaches to that room and counts in its occupancy).
   */
  renderQueryHook<T>(
    hook: () => T,
    options: { client: ChatClient; queryClient?: QueryClient; room?: string },
  ): RenderHookResult<T, unknown> & { queryClient: QueryClient };
  /**
   * Records the REST reads `client`'s SDK makes from now on (`GET <path>` through `request()`, or
   * `batchPresence <channels>`), still performing them; call the returned function for the list so far.
   */
  recordRequests(client: ChatClient): () => string[];
}

export async function startQueryHarness(options: LocalAblyOptions = {}): Promise<QueryHarness> {
  const server = await startLocalAbly({ port: 0, occupancyDebounceMs: 0, presenceLeaveDelayMs: 300, ...options });
  const realtimes: Ably.Realtime[] = [];
  const queryClients: QueryClient[] = [];
  cleanups.push(async () => {
    for (const client of queryClients) client.clear();
    for (const realtime of realtimes) realtime.close();
    await server.close();
  });
  const queryClient = () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } } });
    queryClients.push(client);
    return client;
  };
  return {
    server,
    chat: (clientId, extra = {}) => {
      const realtime = new Ably.Realtime({
        ...server.clientOptions(clientId),
        logLevel: 0,
        ...extra,
      } as Ably.ClientOptions);
      realtimes.push(realtime);
      return new ChatClient(realtime, { logLevel: LogLevel.Silent });
    },
    room: async (client, name, roomOptions) => {
      const room = await client.rooms.get(name, roomOptions);
      await room.attach();
      return room;
    },
    queryClient,
    renderQueryHook: (hook, { client, queryClient: given, room }) => {
      const qc = given ?? queryClient();
      const wrapper = ({ children }: { children: ReactNode }) => (
        <PresenceKitProvider client={client} queryClient={qc}>
          {room === undefined ? children : <PresenceRoom name={room}>{children}</PresenceRoom>}
        </PresenceKitProvider>
      );
      return Object.assign(renderHook(hook, { wrapper }), { queryClient: qc });
    },
    recordRequests: (client) => {
      const request = vi.spyOn(client.realtime, 'request');
      const batch = vi.spyOn(client.realtime, 'batchPresence');
      return () => [
        ...request.mock.calls.map(([method, path]) => `${method.toUpperCase()} ${path}`),
        ...batch.mock.calls.map(([channels]) => `batchPresence ${channels.join(',')}`),
      ];
    },
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

import { ChatClient, type ChatClient as ChatClientType, LogLevel, type Room, type RoomOptions } from '@ably/chat';
import * as Ably from 'ably';
import { afterEach } from 'vitest';
import { type LocalAbly, type LocalAblyOptions, startLocalAbly } from '../../src/index.js';

/** Test defaults: short timers so drop/leave/occupancy tests run in milliseconds, not Ably's real 15 s. */
export const TEST_SERVER_OPTIONS: LocalAblyOptions = {
  port: 0,
  occupancyDebounceMs: 0,
  presenceLeaveDelayMs: 300,
};

export interface Harness {
  server: LocalAbly;
  /** A real `ably` Realtime client pointed at the server; closed after the test. */
  realtime(clientId?: string, options?: Partial<Ably.ClientOptions>): Ably.Realtime;
  /** A real `@ably/chat` ChatClient on its own Realtime connection; closed after the test. */
  chat(clientId: string, options?: Partial<Ably.ClientOptions>): ChatClientType;
  /** A chat room, attached. */
  room(client: ChatClientType, name: string, options?: RoomOptions): Promise<Room>;
  rest(options?: Partial<Ably.ClientOptions>): Ably.Rest;
}

/** Starts a fresh local-ably for the current test and closes every client and the server afterwards. */
export async function startHarness(options: LocalAblyOptions = {}): Promise<Harness> {
  const server = await startLocalAbly({ ...TEST_SERVER_OPTIONS, ...options });
  const realtimes: Ably.Realtime[] = [];
  cleanups.push(async () => {
    for (const client of realtimes) client.close();
    await server.close();
  });
  const realtime = (clientId?: string, extra: Partial<Ably.ClientOptions> = {}) => {
    const client = new Ably.Realtime({
      ...server.clientOptions(clientId),
      logLevel: 0,
      ...extra,
    } as Ably.ClientOptions);
    realtimes.push(client);
    return client;
  };
  return {
    server,
    realtime,
    chat: (clientId, extra) => new ChatClient(realtime(clientId, extra), { logLevel: LogLevel.Silent }),
    room: async (client, name, roomOptions) => {
      const room = await client.rooms.get(name, roomOptions);
      await room.attach();
      return room;
    },
    rest: (extra = {}) => new Ably.Rest({ ...server.clientOptions(), logLevel: 0, ...extra } as Ably.ClientOptions),
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

export { eventually, sleep } from '@presence-kit/test-support/eventually';

import type { ChatClient, Room, RoomOptions } from '@ably/chat';
import { createFakeRoom, type FakeRoom } from '../../store/support/fake-room.js';

/**
 * A `ChatClient` with just what the provider layer touches: `rooms.get` / `rooms.release` (with the `count` Ably
 * Chat keeps), `clientId`, the connection id and connection status changes. Each room is a {@link FakeRoom}.
 */
export interface FakeClient {
  readonly client: ChatClient;
  /** The fake rooms by name, made on first `rooms.get`. */
  readonly rooms: Map<string, FakeRoom>;
  /** Every `rooms.get` and `rooms.release` that reached the client itself (after any wrapping). */
  readonly log: string[];
  /** Makes the next `rooms.get` of a name fail. */
  failGet: Map<string, unknown>;
  /** Makes the next `rooms.release` of a name reject, leaving the room held and its status as it was. */
  failRelease: Map<string, unknown>;
  /** Changes the connection id and tells connection listeners the status. */
  connectionStatus(status: string, connectionId?: string): void;
  /** Options each room was created with. */
  readonly options: Map<string, RoomOptions | undefined>;
  /** Runs on each new room (e.g. to make its attach fail). */
  onRoom: (room: FakeRoom) => void;
  /** When set, `rooms.get` answers only when the test settles the pending get. */
  holdGets: boolean;
  readonly pendingGets: Array<{ resolve(): void; reject(error: unknown): void }>;
}

export function createFakeClient(clientId = 'me'): FakeClient {
  const rooms = new Map<string, FakeRoom>();
  const log: string[] = [];
  const options = new Map<string, RoomOptions | undefined>();
  const connectionListeners = new Set<(change: { current: string; previous: string }) => void>();
  const connection = { id: 'conn-1' as string | undefined };
  const fake: FakeClient = {
    client: undefined as unknown as ChatClient,
    rooms,
    log,
    options,
    failGet: new Map(),
    failRelease: new Map(),
    onRoom: () => {},
    holdGets: false,
    pendingGets: [],
    connectionStatus(status, connectionId) {
      if (connectionId !== undefined) connection.id = connectionId;
      for (const listener of [...connectionListeners]) listener({ current: status, previous: 'disconnected' });
    },
  };
  const roomsApi = {
    get(name: string, roomOptions?: RoomOptions): Promise<Room> {
      log.push(`get ${name}`);
      const failure = fake.failGet.get(name);
      if (failure !== undefined) {
        fake.failGet.delete(name);
        return Promise.reject(failure);
      }
      let room = rooms.get(name);
      if (!room) {
        room = createFakeRoom(roomOptions ?? {});
        rooms.set(name, room);
        options.set(name, roomOptions);
        fake.onRoom(room);
      }
      const made = room.room;
      if (!fake.holdGets) return Promise.resolve(made);
      return new Promise<Room>((resolve, reject) => {
        fake.pendingGets.push({ resolve: () => resolve(made), reject });
      });
    },
    release(name: string): Promise<void> {
      log.push(`release ${name}`);
      const failure = fake.failRelease.get(name);
      if (failure !== undefined) {
        fake.failRelease.delete(name);
        return Promise.reject(failure);
      }
      const room = rooms.get(name);
      rooms.delete(name);
      room?.setStatus('released');
      return Promise.resolve();
    },
    get count() {
      return rooms.size;
    },
  };
  (fake as { client: ChatClient }).client = {
    clientId,
    rooms: roomsApi,
    realtime: { connection },
    connection: {
      onStatusChange(listener: (change: { current: string; previous: string }) => void) {
        connectionListeners.add(listener);
        return { off: () => connectionListeners.delete(listener) };
      },
    },
  } as unknown as ChatClient;
  return fake;
}

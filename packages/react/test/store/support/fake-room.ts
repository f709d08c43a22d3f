import type { PresenceEvent, PresenceMember, Room, RoomOptions, RoomStatus } from '@ably/chat';
import type * as Ably from 'ably';

/**
 * A room whose every input the test controls: presence events, `presence.get()` answers (held until the test
 * resolves them), status changes, discontinuities and `[meta]occupancy` messages. It exists for states the server
 * cannot produce on demand (an event racing a pending `get()`), not to replace local-ably in integration tests.
 */
export interface FakeRoom {
  readonly room: Room;
  /** Emits a presence event to the store's subscription. */
  emit(type: 'enter' | 'leave' | 'update' | 'present', member: PresenceMember): void;
  /** The pending `presence.get()` calls, oldest first; resolve or reject each. */
  readonly gets: Array<{ resolve(members: PresenceMember[]): void; reject(error: unknown): void }>;
  /** Changes the room status and tells the status listeners. */
  setStatus(status: RoomStatus | string, error?: Ably.ErrorInfo): void;
  discontinuity(error?: Ably.ErrorInfo): void;
  /** Delivers an `[meta]occupancy` channel message with these data. */
  occupancy(data: unknown): void;
  /** The answer `channel.status()` gives next (a promise the test controls, or an error). */
  channelStatus: () => Promise<unknown>;
  /** Presence calls made by a controller: `enter`, `update`, `leave`, with their data. */
  readonly calls: Array<{ op: 'enter' | 'update' | 'leave'; data: unknown }>;
  /** How presence calls answer; default resolves at once. */
  presenceCall: (op: 'enter' | 'update' | 'leave', data: unknown) => Promise<void>;
  /** Listener counts, to prove unbinding removes every subscription. */
  listenerCounts(): { presence: number; status: number; discontinuity: number; occupancy: number };
  /** Makes `presence.subscribe` throw, as `@ably/chat` does when presence events are off. */
  failSubscribe: Ably.ErrorInfo | undefined;
  /** How `room.attach()` answers; default: becomes attached and resolves. */
  attach: () => Promise<void>;
  /** How many times `room.attach()` was called. */
  attaches: number;
}

export function member(clientId: string, connectionId: string, data?: unknown, updatedAt = 1_000): PresenceMember {
  return {
    clientId,
    connectionId,
    data: data as PresenceMember['data'],
    extras: undefined,
    updatedAt: new Date(updatedAt),
  } as PresenceMember;
}

export function createFakeRoom(
  options: RoomOptions = {},
  initialStatus: RoomStatus | string = 'initialized',
): FakeRoom {
  const presenceListeners = new Set<(event: PresenceEvent) => void>();
  const statusListeners = new Set<(change: { current: string; previous: string; error?: Ably.ErrorInfo }) => void>();
  const discontinuityListeners = new Set<(error: Ably.ErrorInfo) => void>();
  const occupancyListeners = new Set<(message: Ably.InboundMessage) => void>();
  let status = initialStatus;
  const fake: FakeRoom = {
    gets: [],
    calls: [],
    failSubscribe: undefined,
    channelStatus: () => new Promise(() => {}),
    presenceCall: () => Promise.resolve(),
    attaches: 0,
    attach: () => {
      fake.setStatus('attached');
      return Promise.resolve();
    },
    room: undefined as unknown as Room,
    emit(type, m) {
      for (const listener of [...presenceListeners]) listener({ type, member: m } as PresenceEvent);
    },
    setStatus(next, error) {
      const previous = status;
      status = next;
      for (const listener of [...statusListeners]) listener({ current: next, previous, error });
    },
    discontinuity(error) {
      for (const listener of [...discontinuityListeners]) listener(error as Ably.ErrorInfo);
    },
    occupancy(data) {
      for (const listener of [...occupancyListeners]) {
        listener({ name: '[meta]occupancy', data } as Ably.InboundMessage);
      }
    },
    listenerCounts: () => ({
      presence: presenceListeners.size,
      status: statusListeners.size,
      discontinuity: discontinuityListeners.size,
      occupancy: occupancyListeners.size,
    }),
  };
  const presenceOp = (op: 'enter' | 'update' | 'leave') => (data?: unknown) => {
    fake.calls.push({ op, data });
    return fake.presenceCall(op, data);
  };
  const room = {
    get status() {
      return status;
    },
    options: () => options,
    error: undefined,
    attach: () => {
      fake.attaches++;
      return fake.attach();
    },
    presence: {
      subscribe(listener: (event: PresenceEvent) => void) {
        if (fake.failSubscribe) throw fake.failSubscribe;
        presenceListeners.add(listener);
        return { unsubscribe: () => presenceListeners.delete(listener) };
      },
      get: () =>
        new Promise<PresenceMember[]>((resolve, reject) => {
          fake.gets.push({ resolve, reject });
        }),
      enter: presenceOp('enter'),
      update: presenceOp('update'),
      leave: presenceOp('leave'),
    },
    channel: {
      subscribe(name: string, listener: (message: Ably.InboundMessage) => void) {
        if (name === '[meta]occupancy') occupancyListeners.add(listener);
        return Promise.resolve();
      },
      unsubscribe(name: string, listener: (message: Ably.InboundMessage) => void) {
        if (name === '[meta]occupancy') occupancyListeners.delete(listener);
      },
      status: () => fake.channelStatus(),
    },
    onStatusChange(listener: (change: { current: string; previous: string }) => void) {
      statusListeners.add(listener);
      return { off: () => statusListeners.delete(listener) };
    },
    onDiscontinuity(listener: (error: Ably.ErrorInfo) => void) {
      discontinuityListeners.add(listener);
      return { off: () => discontinuityListeners.delete(listener) };
    },
  };
  (fake as { room: Room }).room = room as unknown as Room;
  return fake;
}

/** Lets every queued promise callback run (several rounds, for chains of awaits). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

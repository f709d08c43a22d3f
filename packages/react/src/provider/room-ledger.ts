import type { ChatClient, Room, RoomOptions, Rooms } from '@ably/chat';

interface Holding {
  /** presence-kit holds the room (one registry entry per client and name). */
  kit: boolean;
  /**
   * Someone else (e.g. `@ably/chat/react`'s `ChatRoomProvider`, or app code) got the room and has not released it.
   * When they release it while the kit holds it, this turns false and the kit performs that release when it lets go.
   */
  others: boolean;
}

/**
 * Who holds each room of one `ChatClient`, so presence-kit and other users of the same client (`@ably/chat/react`,
 * app code) can share a room without pulling it from under each other. `rooms.release(name)` in Ably Chat releases
 * the room for everyone; the ledger therefore wraps the client's `rooms.get` and `rooms.release` once: a release by
 * someone else while the kit still holds the room is deferred until the kit lets go, and the kit never releases a
 * room that someone else still holds (it only leaves presence in it).
 */
export class RoomLedger {
  readonly #holdings = new Map<string, Holding>();
  /** Rooms the kit is letting go of: a new acquire of the name waits for it, so it never gets the room being released. */
  readonly #leaving = new Map<string, Promise<unknown>>();
  readonly #get: Rooms['get'];
  readonly #release: Rooms['release'];
  readonly #rooms: Rooms;

  constructor(rooms: Rooms) {
    this.#rooms = rooms;
    this.#get = rooms.get.bind(rooms);
    this.#release = rooms.release.bind(rooms);
    const ledger = this;
    Object.assign(rooms, {
      get(name: string, options?: RoomOptions): Promise<Room> {
        const holding = ledger.#holding(name);
        holding.others = true;
        return ledger.#get(name, options);
      },
      release(name: string): Promise<void> {
        const holding = ledger.#holdings.get(name);
        if (holding) holding.others = false;
        if (holding?.kit) return Promise.resolve();
        ledger.#holdings.delete(name);
        return ledger.#release(name);
      },
    });
  }

  /** The kit takes hold of a room (getting it from the client, which creates it or returns the existing one). */
  acquire(name: string, options: RoomOptions | undefined): Promise<Room> {
    const leaving = this.#leaving.get(name);
    if (leaving) return leaving.then(() => this.acquire(name, options));
    const known = this.#holdings.has(name);
    const holding = this.#holding(name);
    const before = roomCount(this.#rooms);
    const room = this.#get(name, options);
    // The room already existed when the kit asked for it, and the ledger never saw who got it: someone else got it
    // first (before the ledger was made).
    if (roomCount(this.#rooms) === before && !known) holding.others = true;
    holding.kit = true;
    return room;
  }

  /**
   * Marks the kit's let-go of a room as under way until `done` settles (it must not reject): the old session may still
   * be waiting for presence calls in flight before it releases the room, and a session started meanwhile waits for
   * that, then gets a room of its own, instead of getting the old room and having it released from under it.
   */
  leaving(name: string, done: Promise<unknown>): void {
    this.#leaving.set(name, done);
    void done.then(() => {
      if (this.#leaving.get(name) === done) this.#leaving.delete(name);
    });
  }

  /** The kit lets go; returns whether the room was released (false when someone else still holds it). */
  async letGo(name: string): Promise<boolean> {
    const holding = this.#holdings.get(name);
    if (!holding) return false;
    holding.kit = false;
    if (holding.others) return false;
    this.#holdings.delete(name);
    try {
      await this.#release(name);
    } catch (error) {
      // The client may still hold the room. Keep the (kit-less) holding, so the kit's next acquire knows it got this
      // room itself and releases it later, rather than taking it for someone else's and leaving it attached for good.
      if (!this.#holdings.has(name)) this.#holdings.set(name, holding);
      throw error;
    }
    return true;
  }

  #holding(name: string): Holding {
    let holding = this.#holdings.get(name);
    if (!holding) {
      holding = { kit: false, others: false };
      this.#holdings.set(name, holding);
    }
    return holding;
  }
}

/** How many rooms the client holds (not in the `Rooms` interface; NaN when absent, which reads as "created"). */
function roomCount(rooms: Rooms): number {
  return (rooms as { count?: number }).count ?? Number.NaN;
}

const ledgers = new WeakMap<ChatClient, RoomLedger>();

/** The one ledger of a client (made, and the client's `rooms` wrapped, on first use). */
export function ledgerFor(client: ChatClient): RoomLedger {
  let ledger = ledgers.get(client);
  if (!ledger) {
    ledger = new RoomLedger(client.rooms);
    ledgers.set(client, ledger);
  }
  return ledger;
}

import { type ChatClient, type Room, type RoomOptions, RoomStatus } from '@ably/chat';
import type * as Ably from 'ably';
import { CODE_ROOM_UNAVAILABLE, PresenceKitError, toErrorInfo } from '../errors.js';
import { warnOnce } from '../internal/dev-warning.js';
import { callEach } from '../store/call-each.js';
import { fetchChannelOccupancy } from '../store/channel-status.js';
import type { FrameScheduler } from '../store/frame-scheduler.js';
import { PresenceController } from '../store/presence-controller.js';
import { RoomStoreCore } from '../store/room-store-core.js';
import { ValueStore } from '../store/value-store.js';
import type { RoomLedger } from './room-ledger.js';

/** How often occupancy is polled over REST when the room's occupancy events are off. */
export const OCCUPANCY_POLL_INTERVAL_MS = 15_000;

/** Ably Chat's code for "room already exists with different options". */
const ROOM_EXISTS_WITH_DIFFERENT_OPTIONS = 102107;

/** A room problem, for `useRoomErrorListener`: a failed attach, a discontinuity, a failed presence or occupancy read. */
export interface RoomErrorEvent {
  readonly room: string;
  readonly error: Ably.ErrorInfo;
  readonly kind: 'attach' | 'discontinuity' | 'status' | 'presence' | 'occupancy';
}

/** The room's lifecycle status and the error that came with it, if any. */
export interface RoomStatusValue {
  readonly status: RoomStatus;
  readonly error: Ably.ErrorInfo | undefined;
}

/** A room's status before it is retained; also the server snapshot of `useRoomStatus`. */
export const INITIAL_STATUS: RoomStatusValue = Object.freeze({ status: RoomStatus.Initialized, error: undefined });

interface Waiter {
  resolve(room: Room): void;
  reject(error: Ably.ErrorInfo): void;
}

/**
 * One room as the kit holds it: its store, status and presence controller, acquired from the chat client while at
 * least one component retains it. Creating an entry does nothing; `retain()` (called from effects only) gets and
 * attaches the room; the last `release()` lets it go a tick later, so StrictMode's unmount-remount reuses it.
 */
export class RoomEntry {
  readonly store: RoomStoreCore;
  readonly status = new ValueStore<RoomStatusValue>(INITIAL_STATUS);
  readonly presence: PresenceController;
  readonly #errorListeners = new Set<(event: RoomErrorEvent) => void>();
  readonly #pollers = new Map<symbol, number>();
  #refCount = 0;
  #releaseTimer: ReturnType<typeof setTimeout> | undefined;
  #session: { room: Promise<Room>; stop: () => void } | undefined;
  #waiters: Waiter[] = [];
  #room: Room | undefined;
  #failure: Ably.ErrorInfo | undefined;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #client: ChatClient;
  readonly #ledger: RoomLedger;
  readonly #onStopped: (entry: RoomEntry) => void;

  constructor(
    readonly name: string,
    /** Passed to `rooms.get` exactly as given (none means Ably Chat's defaults, as `ChatRoomProvider` uses). */
    readonly options: RoomOptions | undefined,
    client: ChatClient,
    ledger: RoomLedger,
    scheduler: FrameScheduler,
    onStopped: (entry: RoomEntry) => void,
  ) {
    this.#client = client;
    this.#ledger = ledger;
    this.#onStopped = onStopped;
    this.store = new RoomStoreCore({
      scheduler,
      identity: () => ({ clientId: client.clientId, connectionId: client.realtime.connection.id }),
    });
    this.store.onError((error) => this.#emitError('presence', error));
    this.presence = new PresenceController({ store: this.store, whenAttached: () => this.whenAttached() });
  }

  /** Whether `[meta]occupancy` events are on for this room (otherwise occupancy is polled over REST). */
  get occupancyEvents(): boolean {
    return this.options?.occupancy?.enableEvents === true;
  }

  retain(): void {
    this.#refCount++;
    if (this.#releaseTimer !== undefined) {
      clearTimeout(this.#releaseTimer);
      this.#releaseTimer = undefined;
    }
    if (!this.#session) this.#start();
  }

  release(): void {
    this.#refCount = Math.max(0, this.#refCount - 1);
    if (this.#refCount > 0 || this.#releaseTimer !== undefined) return;
    this.#releaseTimer = setTimeout(() => {
      this.#releaseTimer = undefined;
      if (this.#refCount === 0) this.#stop();
    }, 0);
  }

  onError(listener: (event: RoomErrorEvent) => void): () => void {
    this.#errorListeners.add(listener);
    return () => this.#errorListeners.delete(listener);
  }

  /** Resolves once the room is attached (at once when it is); rejects when the room cannot be attached. */
  whenAttached(): Promise<Room> {
    if (this.#room && this.#room.status === RoomStatus.Attached) return Promise.resolve(this.#room);
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /**
   * Polls occupancy over REST while the caller holds the returned release function, when occupancy events are off.
   * Several pollers share one timer at the shortest interval asked for.
   */
  pollOccupancy(intervalMs = OCCUPANCY_POLL_INTERVAL_MS): () => void {
    if (this.occupancyEvents) return () => {};
    const token = Symbol('poll');
    this.#pollers.set(token, Math.max(1_000, intervalMs));
    if (this.#pollers.size === 1) void this.#pollNow();
    return () => {
      this.#pollers.delete(token);
      if (this.#pollers.size === 0 && this.#pollTimer !== undefined) {
        clearTimeout(this.#pollTimer);
        this.#pollTimer = undefined;
      }
    };
  }

  async #pollNow(): Promise<void> {
    if (this.#pollTimer !== undefined) clearTimeout(this.#pollTimer);
    this.#pollTimer = undefined;
    if (this.#pollers.size === 0) return;
    const room = this.#room;
    if (room?.status === RoomStatus.Attached) {
      try {
        const metrics = await fetchChannelOccupancy(room.channel);
        if (metrics) this.store.setOccupancy(metrics);
      } catch (error) {
        this.#emitError('occupancy', toErrorInfo(error));
      }
    }
    if (this.#pollers.size === 0) return;
    this.#pollTimer = setTimeout(() => void this.#pollNow(), Math.min(...this.#pollers.values()));
  }

  #start(): void {
    let stopped = false;
    const offs: Array<() => void> = [];
    this.#failure = undefined;
    const room = this.#ledger.acquire(this.name, this.options);
    this.#session = {
      room,
      stop: () => {
        stopped = true;
        for (const off of offs) off();
      },
    };
    room.then(
      (room) => {
        if (stopped) return;
        this.#room = room;
        offs.push(this.store.bind(room));
        offs.push(
          room.onStatusChange((change) => {
            this.status.set({ status: change.current, error: change.error });
            if (change.error) this.#emitError('status', change.error);
            if (change.current === RoomStatus.Attached) {
              this.#settleWaiters(room);
              // Poll at once on (re)attach, so the count includes this connection and what changed while away.
              if (this.#pollers.size > 0) void this.#pollNow();
            }
            if (change.current === RoomStatus.Failed) this.#fail(change.error, 'the room failed');
          }).off,
        );
        offs.push(room.onDiscontinuity((error) => this.#emitError('discontinuity', error)).off);
        offs.push(
          this.#client.connection.onStatusChange((change) => {
            // After a failed resume the connectionId changes, and with it which members are "self".
            if (change.current === 'connected') this.store.connectionChanged();
          }).off,
        );
        this.status.set({ status: room.status, error: room.error });
        room.attach().then(
          () => this.#settleWaiters(room),
          (error: Ably.ErrorInfo) => {
            if (stopped) return;
            this.#emitError('attach', error);
            this.#fail(error, 'attaching failed');
          },
        );
      },
      (error: Ably.ErrorInfo) => {
        if (stopped) return;
        const info =
          error?.code === ROOM_EXISTS_WITH_DIFFERENT_OPTIONS
            ? new PresenceKitError(
                CODE_ROOM_UNAVAILABLE,
                `Room "${this.name}" is already held on this ChatClient with different options (e.g. by <ChatRoomProvider>): give <PresenceRoom options> the same ones.`,
                400,
                error,
              )
            : toErrorInfo(error);
        this.status.set({ status: RoomStatus.Failed, error: info });
        this.#emitError('attach', info);
        this.#fail(info, 'getting the room failed');
      },
    );
  }

  #stop(): void {
    const session = this.#session;
    if (!session) return;
    this.#session = undefined;
    this.#room = undefined;
    session.stop();
    // Nothing will attach this session's room any more: settle pending presence calls instead of leaving them hanging.
    this.#rejectWaiters(
      new PresenceKitError(
        CODE_ROOM_UNAVAILABLE,
        `Room "${this.name}" was let go (its last component unmounted) before presence could be sent.`,
      ),
    );
    this.status.set({ status: RoomStatus.Released, error: undefined });
    this.#onStopped(this);
    this.#ledger.leaving(this.name, this.#letGo(session.room));
  }

  /** Releases (or, when someone else still holds it, leaves) the room once this session's presence calls settled. */
  async #letGo(sessionRoom: Promise<Room>): Promise<void> {
    const room = await sessionRoom.catch(() => undefined);
    await this.presence.settled();
    this.presence.reset();
    if (!room) return;
    // Releasing detaches the channel, so the server removes our presence. When someone else (e.g. ChatRoomProvider)
    // still holds the room it stays attached; then leave explicitly (a no-op when we were not present).
    const released = await this.#ledger.letGo(this.name).catch((error: unknown) => {
      // Its listeners unmounted with it, so only a development warning can say so.
      if (process.env.NODE_ENV !== 'production') {
        warnOnce(
          `room-release:${this.name}`,
          `Room "${this.name}" could not be released (${toErrorInfo(error).message}).`,
        );
      }
      return false;
    });
    if (!released && room.status === RoomStatus.Attached) await room.presence.leave().catch(() => {});
  }

  #settleWaiters(room: Room): void {
    if (room.status !== RoomStatus.Attached) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter.resolve(room);
  }

  /** Rejects every pending presence call: the room cannot be attached, so they can never be sent. */
  #fail(cause: Ably.ErrorInfo | undefined, what: string): void {
    const error =
      cause instanceof PresenceKitError
        ? cause
        : new PresenceKitError(
            CODE_ROOM_UNAVAILABLE,
            `Room "${this.name}" is unavailable (${what}${cause ? `: ${cause.message}` : ''}); presence cannot be sent. Check the token's capability for this room and the connection, then remount the room.`,
            cause?.statusCode ?? 400,
            cause,
          );
    this.#failure = error;
    this.#rejectWaiters(error);
  }

  #rejectWaiters(error: Ably.ErrorInfo): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  #emitError(kind: RoomErrorEvent['kind'], error: Ably.ErrorInfo): void {
    callEach(this.#errorListeners, { room: this.name, error, kind });
  }
}

import { type ChatClient, type Room, type RoomOptions, RoomStatus } from '@ably/chat';
import type * as Ably from 'ably';
import type { FrameScheduler } from '../store/frame-scheduler.js';
import { PresenceController } from '../store/presence-controller.js';
import { RoomStore } from '../store/room-store.js';
import { ValueStore } from '../store/value-store.js';

/** Room options used when `<PresenceRoom>` gets none: occupancy events on, so `useOccupancy` is live. */
export const DEFAULT_ROOM_OPTIONS: RoomOptions = Object.freeze({ occupancy: Object.freeze({ enableEvents: true }) });

/** Merges the caller's options over the defaults, once; later renders' options are ignored (callers never memoize). */
export function resolveRoomOptions(options: RoomOptions | undefined): RoomOptions {
  return Object.freeze({ ...DEFAULT_ROOM_OPTIONS, ...options });
}

/** A room problem, for `useRoomErrorListener`: a failed attach, a discontinuity, a failed presence read. */
export interface RoomErrorEvent {
  readonly room: string;
  readonly error: Ably.ErrorInfo | Error;
  /** What went wrong, e.g. `'attach'`, `'discontinuity'`, `'status'`, `'presence'`. */
  readonly kind: 'attach' | 'discontinuity' | 'status' | 'presence';
}

/**
 * One room as the provider holds it: its store, status and presence controller, acquired from the chat client while
 * at least one component retains it. Creating an entry does nothing; `retain()` (called from effects only) gets and
 * attaches the room; the last `release()` lets it go a tick later, so StrictMode's unmount-remount reuses it.
 */
export class RoomEntry {
  readonly store: RoomStore;
  readonly status = new ValueStore<RoomStatus>(RoomStatus.Initialized);
  readonly presence: PresenceController;
  private readonly errorListeners = new Set<(event: RoomErrorEvent) => void>();
  private refCount = 0;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;
  private session: { room: Promise<Room>; stop: () => void } | undefined;
  private attachedWaiters: Array<(room: Room) => void> = [];
  private room: Room | undefined;

  constructor(
    readonly name: string,
    readonly options: RoomOptions,
    private readonly client: ChatClient,
    scheduler: FrameScheduler,
    private readonly onStopped: (entry: RoomEntry) => void,
  ) {
    this.store = new RoomStore({
      scheduler,
      identity: () => ({ clientId: client.clientId, connectionId: client.realtime.connection.id }),
    });
    this.store.onError((error) => this.emitError({ room: name, error, kind: 'presence' }));
    this.presence = new PresenceController({ store: this.store, whenAttached: () => this.whenAttached() });
  }

  /** Whether `[meta]occupancy` events are on for this room (otherwise `useOccupancy` polls REST). */
  get occupancyEvents(): boolean {
    return this.options.occupancy?.enableEvents === true;
  }

  retain(): void {
    this.refCount++;
    if (this.releaseTimer !== undefined) {
      clearTimeout(this.releaseTimer);
      this.releaseTimer = undefined;
    }
    if (!this.session) this.start();
  }

  release(): void {
    this.refCount = Math.max(0, this.refCount - 1);
    if (this.refCount > 0 || this.releaseTimer !== undefined) return;
    this.releaseTimer = setTimeout(() => {
      this.releaseTimer = undefined;
      if (this.refCount === 0) this.stop();
    }, 0);
  }

  onError(listener: (event: RoomErrorEvent) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Resolves once the room is attached (immediately when it already is). */
  whenAttached(): Promise<Room> {
    if (this.room && this.room.status === 'attached') return Promise.resolve(this.room);
    return new Promise((resolve) => this.attachedWaiters.push(resolve));
  }

  private start(): void {
    let stopped = false;
    const offs: Array<() => void> = [];
    const room = this.client.rooms.get(this.name, this.options);
    this.session = {
      room,
      stop: () => {
        stopped = true;
        for (const off of offs) off();
      },
    };
    room.then(
      (room) => {
        if (stopped) return;
        this.room = room;
        offs.push(this.store.bind(room));
        offs.push(
          room.onStatusChange((change) => {
            this.status.set(change.current);
            if (change.error) this.emitError({ room: this.name, error: change.error, kind: 'status' });
            if (change.current === 'attached') this.flushAttachedWaiters(room);
          }).off,
        );
        offs.push(
          room.onDiscontinuity((error) => this.emitError({ room: this.name, error, kind: 'discontinuity' })).off,
        );
        offs.push(
          this.client.connection.onStatusChange((change) => {
            // After a failed resume the connectionId changes, and with it which members are "self".
            if (change.current === 'connected') this.store.connectionChanged();
          }).off,
        );
        this.status.set(room.status);
        room.attach().then(
          () => this.flushAttachedWaiters(room),
          (error: Ably.ErrorInfo) => {
            if (!stopped) this.emitError({ room: this.name, error, kind: 'attach' });
          },
        );
      },
      (error: Ably.ErrorInfo) => this.emitError({ room: this.name, error, kind: 'attach' }),
    );
  }

  private stop(): void {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    this.room = undefined;
    session.stop();
    this.presence.reset();
    this.status.set(RoomStatus.Released);
    this.onStopped(this);
    // Releasing detaches the channel, which makes the server remove our presence: no explicit leave needed.
    void session.room.then(
      () => this.client.rooms.release(this.name),
      () => {},
    );
  }

  private flushAttachedWaiters(room: Room): void {
    if (room.status !== 'attached') return;
    const waiters = this.attachedWaiters;
    this.attachedWaiters = [];
    for (const resolve of waiters) resolve(room);
  }

  private emitError(event: RoomErrorEvent): void {
    for (const listener of [...this.errorListeners]) listener(event);
  }
}

import type { PresenceData, Room } from '@ably/chat';
import { jsonEqual } from './json-equal.js';
import type { RoomStore } from './room-store.js';
import { ValueStore } from './value-store.js';

/** How long after a reconcile we let the SDK's own re-entry (RTP17) land before entering ourselves. */
export const REENTRY_GRACE_MS = 1_000;

interface PresenceState {
  present: boolean;
  data: unknown;
}

/** What the controller needs from the room it lives in. */
export interface PresenceHost {
  readonly store: RoomStore;
  /** Resolves with the room once it is attached. */
  whenAttached(): Promise<Room>;
}

/**
 * This client's presence in one room, shared by every `usePresence` in that room. Components register as holders;
 * the controller keeps a *desired* state (present or not, with which data) and one worker moves the *applied* state
 * towards it. That makes it reference-counted (leave only when the last holder goes), coalescing (enter, leave, enter
 * from StrictMode's double mount sends one enter; several data changes in a row send one update), and deaf to
 * connection blips: nothing here reacts to the connection, the SDK re-enters by itself after a resume, and after a
 * reconcile that shows us absent we enter again.
 */
export class PresenceController {
  readonly error = new ValueStore<Error | null>(null);
  private readonly holders = new Set<symbol>();
  private desired: PresenceState = { present: false, data: undefined };
  private applied: PresenceState = { present: false, data: undefined };
  private running: Promise<void> | undefined;
  private pendingLeave: ReturnType<typeof setTimeout> | undefined;
  private reentryTimer: ReturnType<typeof setTimeout> | undefined;
  private offSynced: (() => void) | undefined;

  constructor(private readonly host: PresenceHost) {}

  /** Registers a `usePresence`; with `enter`, asks to be present with `data`. */
  addHolder(token: symbol, data: unknown, enter: boolean): void {
    this.holders.add(token);
    if (this.pendingLeave !== undefined) {
      clearTimeout(this.pendingLeave);
      this.pendingLeave = undefined;
    }
    this.offSynced ??= this.host.store.onSynced(() => this.checkAfterSync());
    if (enter) void this.want({ present: true, data: data ?? this.desired.data }).catch(() => {});
  }

  /** Unregisters a holder; the last one out leaves, a tick later, so StrictMode's remount does not flicker. */
  removeHolder(token: symbol): void {
    if (!this.holders.delete(token) || this.holders.size > 0) return;
    this.pendingLeave = setTimeout(() => {
      this.pendingLeave = undefined;
      if (this.holders.size > 0) return;
      this.offSynced?.();
      this.offSynced = undefined;
      if (this.reentryTimer !== undefined) clearTimeout(this.reentryTimer);
      if (this.desired.present) void this.want({ present: false, data: undefined }).catch(() => {});
    }, 0);
  }

  /** New data from a holder (already known to differ by value); sends an update when present. */
  setData(data: unknown): Promise<void> {
    return this.want({ present: this.desired.present, data });
  }

  enter(data?: unknown): Promise<void> {
    return this.want({ present: true, data: data === undefined ? this.desired.data : data });
  }

  update(data?: unknown): Promise<void> {
    return this.want({ present: true, data });
  }

  leave(): Promise<void> {
    return this.want({ present: false, data: this.desired.data });
  }

  /** Forgets what was applied: the room was released, and the server dropped our presence with it. */
  reset(): void {
    this.applied = { present: false, data: undefined };
  }

  private want(state: PresenceState): Promise<void> {
    this.desired = state;
    return this.kick();
  }

  private kick(): Promise<void> {
    this.running ??= this.work().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Applies one operation at a time until the applied state matches the desired one. */
  private async work(): Promise<void> {
    for (;;) {
      const target = this.desired;
      const current = this.applied;
      if (target.present === current.present && (!target.present || jsonEqual(target.data, current.data))) return;
      const room = await this.host.whenAttached();
      try {
        const data = target.data as PresenceData | undefined;
        if (!target.present) await room.presence.leave();
        else if (!current.present) await room.presence.enter(data);
        else await room.presence.update(data);
        this.applied = target;
        this.error.set(null);
      } catch (error) {
        this.error.set(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    }
  }

  /**
   * After a reconcile (first attach, discontinuity, re-attach): if we should be present but the member list has no
   * member for our connection, and the SDK's own re-entry did not bring it back within a grace period, enter again.
   */
  private checkAfterSync(): void {
    if (this.reentryTimer !== undefined) clearTimeout(this.reentryTimer);
    this.reentryTimer = setTimeout(() => {
      this.reentryTimer = undefined;
      if (!this.desired.present || this.running) return;
      if (this.host.store.isSelfPresentNow()) return;
      this.applied = { present: false, data: undefined };
      void this.kick().catch(() => {});
    }, REENTRY_GRACE_MS);
  }
}

import type { PresenceData, Room } from '@ably/chat';
import type * as Ably from 'ably';
import { toErrorInfo } from '../errors.js';
import { warnOnce } from '../internal/dev-warning.js';
import { jsonEqual } from './json-equal.js';
import type { RoomStore } from './room-store.js';
import { ValueStore } from './value-store.js';

/** How long after a reconcile we let the SDK's own re-entry (RTP17) land before entering ourselves. */
export const REENTRY_GRACE_MS = 1_000;

interface PresenceState {
  present: boolean;
  data: unknown;
}

/** What one `usePresence` asks for: to be present or not, and the keys it contributes to the shared data. */
interface Contribution {
  present: boolean;
  data: Record<string, unknown> | undefined;
}

/** What the controller needs from the room it lives in. */
export interface PresenceHost {
  readonly store: RoomStore;
  /** Resolves with the room once it is attached; rejects when it cannot be attached. */
  whenAttached(): Promise<Room>;
}

/**
 * This client's presence in one room, shared by every `usePresence` in that room. Each holder contributes whether it
 * wants to be present and some data; the client is present while any holder wants it, with the holders' data merged
 * shallowly in the order they mounted (a later holder's key wins, with a development warning). One worker moves the
 * *applied* state towards that *desired* state, which makes presence reference-counted (leave when the last holder
 * goes), coalescing (StrictMode's enter, leave, enter sends one enter; several changes in a row send one update), and
 * deaf to connection blips: the SDK re-enters by itself after a resume, and after a reconcile that shows us absent we
 * enter again.
 */
export class PresenceController {
  readonly error = new ValueStore<Ably.ErrorInfo | null>(null);
  private readonly holders = new Map<symbol, Contribution>();
  private desired: PresenceState = { present: false, data: undefined };
  private applied: PresenceState = { present: false, data: undefined };
  private running: Promise<void> | undefined;
  private working = false;
  private pendingLeave: ReturnType<typeof setTimeout> | undefined;
  private reentryTimer: ReturnType<typeof setTimeout> | undefined;
  private offSynced: (() => void) | undefined;

  constructor(private readonly host: PresenceHost) {}

  /** Registers a `usePresence` with its data; with `enter`, it asks to be present. */
  addHolder(token: symbol, data: Record<string, unknown> | undefined, enter: boolean): Promise<void> {
    this.holders.set(token, { present: enter, data });
    if (this.pendingLeave !== undefined) {
      clearTimeout(this.pendingLeave);
      this.pendingLeave = undefined;
    }
    this.offSynced ??= this.host.store.onSynced(() => this.checkAfterSync());
    return this.recompute();
  }

  /** Unregisters a holder; when the last one goes the client leaves, a tick later, so StrictMode does not flicker. */
  removeHolder(token: symbol): void {
    if (!this.holders.delete(token)) return;
    if (this.holders.size > 0) {
      void this.recompute().catch(() => {});
      return;
    }
    this.pendingLeave = setTimeout(() => {
      this.pendingLeave = undefined;
      if (this.holders.size > 0) return;
      this.offSynced?.();
      this.offSynced = undefined;
      if (this.reentryTimer !== undefined) clearTimeout(this.reentryTimer);
      void this.recompute().catch(() => {});
    }, 0);
  }

  /** A holder's new data (already known to differ by value); sends an update when present. */
  setData(token: symbol, data: Record<string, unknown> | undefined): Promise<void> {
    return this.change(token, (c) => ({ present: c.present, data }));
  }

  /** A holder asks to be present, with new data when given (else its current data). */
  enter(token: symbol, data?: Record<string, unknown>): Promise<void> {
    return this.change(token, (c) => ({ present: true, data: data === undefined ? c.data : data }));
  }

  /** As {@link enter}: present, with this data. */
  update(token: symbol, data?: Record<string, unknown>): Promise<void> {
    return this.enter(token, data);
  }

  /** A holder no longer asks to be present; the client leaves when no other holder does. */
  leave(token: symbol): Promise<void> {
    return this.change(token, (c) => ({ present: false, data: c.data }));
  }

  /** Forgets what was applied: the room was let go, and the server dropped our presence with it. */
  reset(): void {
    this.applied = { present: false, data: undefined };
  }

  /** Resolves when nothing is in flight (used before letting a room go). */
  settled(): Promise<void> {
    return (this.running ?? Promise.resolve()).catch(() => {});
  }

  private change(token: symbol, next: (current: Contribution) => Contribution): Promise<void> {
    const current = this.holders.get(token);
    if (!current) return Promise.resolve();
    this.holders.set(token, next(current));
    return this.recompute();
  }

  private recompute(): Promise<void> {
    const present = [...this.holders.values()].filter((c) => c.present);
    this.desired = { present: present.length > 0, data: mergeData(present) };
    return this.kick();
  }

  private kick(): Promise<void> {
    if (!this.working) {
      this.working = true;
      this.running = this.work();
    }
    return this.running!;
  }

  /**
   * Applies one operation at a time until the applied state matches the desired one. `working` is cleared in the
   * same tick as the worker decides to stop, so a change made right after always starts a new run (never joins a
   * finished one).
   */
  private async work(): Promise<void> {
    try {
      for (;;) {
        if (this.isApplied()) return;
        try {
          const room = await this.host.whenAttached();
          // Read the target only now: holders that mounted while the room attached join this one operation.
          const target = this.desired;
          const current = this.applied;
          if (this.isApplied()) return;
          const data = target.data as PresenceData | undefined;
          if (!target.present) await room.presence.leave();
          else if (!current.present) await room.presence.enter(data);
          else await room.presence.update(data);
          this.applied = target;
          this.error.set(null);
        } catch (error) {
          const info = toErrorInfo(error);
          this.error.set(info);
          throw info;
        }
      }
    } finally {
      this.working = false;
    }
  }

  private isApplied(): boolean {
    const { desired, applied } = this;
    return desired.present === applied.present && (!desired.present || jsonEqual(desired.data, applied.data));
  }

  /**
   * After a reconcile (first attach, discontinuity, re-attach): if we should be present but the member list has no
   * member for our connection, and the SDK's own re-entry did not bring it back within a grace period, enter again.
   * If it did bring us back but with other data than we last sent, send our data again: ably-js re-enters from its
   * own record of our member, and an update queued while the connection was down goes out *before* that re-entry
   * (found by the chaos run, seed 20261130), so the stale re-entry would otherwise overwrite it for good.
   */
  private checkAfterSync(): void {
    if (this.reentryTimer !== undefined) clearTimeout(this.reentryTimer);
    this.reentryTimer = setTimeout(() => {
      this.reentryTimer = undefined;
      if (!this.desired.present || this.working) return;
      const self = this.host.store.selfNow();
      if (!self) {
        this.applied = { present: false, data: undefined };
      } else if (this.applied.present && !jsonEqual(self.data, this.applied.data)) {
        this.applied = { present: true, data: self.data };
      } else {
        return;
      }
      void this.kick().catch(() => {});
    }, REENTRY_GRACE_MS);
  }
}

/** The holders' data merged shallowly in mount order; `undefined` when none has any. */
function mergeData(contributions: readonly Contribution[]): Record<string, unknown> | undefined {
  const withData = contributions.filter((c) => c.data !== undefined);
  if (withData.length === 0) return undefined;
  if (withData.length === 1) return withData[0]!.data;
  const merged: Record<string, unknown> = {};
  for (const { data } of withData) {
    for (const [key, value] of Object.entries(data!)) {
      if (process.env.NODE_ENV !== 'production' && Object.hasOwn(merged, key) && !jsonEqual(merged[key], value)) {
        warnOnce(
          `presence-conflict:${key}`,
          `Two usePresence calls in one room set presence data key "${key}" to different values; the one mounted later wins. Give each usePresence its own keys (their data is merged shallowly).`,
        );
      }
      merged[key] = value;
    }
  }
  return merged;
}

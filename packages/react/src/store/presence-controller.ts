import type { PresenceData, Room } from '@ably/chat';
import type * as Ably from 'ably';
import { toErrorInfo } from '../errors.js';
import { warnOnce } from '../internal/dev-warning.js';
import { jsonEqual } from './json-equal.js';
import type { RoomStoreCore } from './room-store-core.js';
import { ValueStore } from './value-store.js';

/** How long after a reconcile we let the SDK's own re-entry (RTP17) land before entering ourselves. */
export const REENTRY_GRACE_MS = 1_000;

/** Failed presence calls are retried this many times (one grace period apart), then again after each reconcile. */
const MAX_RETRIES_AFTER_FAILURE = 5;

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
  readonly store: RoomStoreCore;
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
  readonly #holders = new Map<symbol, Contribution>();
  #desired: PresenceState = { present: false, data: undefined };
  #applied: PresenceState = { present: false, data: undefined };
  #running: Promise<void> | undefined;
  #working = false;
  #pendingLeave: ReturnType<typeof setTimeout> | undefined;
  #reentryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Stops watching the room for changes to our own member (reconciles and events about us). */
  #offWatch: (() => void) | undefined;
  /** The last operation we sent was a leave: a member of ours that shows up after it is the SDK's doing, not ours. */
  #leftLast = false;
  /** Retries left after a failed call before waiting for the next reconcile. */
  #retriesLeft = MAX_RETRIES_AFTER_FAILURE;

  readonly #host: PresenceHost;

  constructor(host: PresenceHost) {
    this.#host = host;
  }

  /** Registers a `usePresence` with its data; with `enter`, it asks to be present. */
  addHolder(token: symbol, data: Record<string, unknown> | undefined, enter: boolean): Promise<void> {
    this.#holders.set(token, { present: enter, data });
    if (this.#pendingLeave !== undefined) {
      clearTimeout(this.#pendingLeave);
      this.#pendingLeave = undefined;
    }
    this.#offWatch ??= this.#watchSelf();
    return this.#recompute();
  }

  /** Unregisters a holder; when the last one goes the client leaves, a tick later, so StrictMode does not flicker. */
  removeHolder(token: symbol): void {
    if (!this.#holders.delete(token)) return;
    if (this.#holders.size > 0) {
      void this.#recompute().catch(() => {});
      return;
    }
    this.#pendingLeave = setTimeout(() => {
      this.#pendingLeave = undefined;
      if (this.#holders.size > 0) return;
      this.#offWatch?.();
      this.#offWatch = undefined;
      if (this.#reentryTimer !== undefined) clearTimeout(this.#reentryTimer);
      void this.#recompute().catch(() => {});
    }, 0);
  }

  /** A holder's new data (already known to differ by value); sends an update when present. */
  setData(token: symbol, data: Record<string, unknown> | undefined): Promise<void> {
    return this.#change(token, (c) => ({ present: c.present, data }));
  }

  /** A holder asks to be present, with new data when given (else its current data). */
  enter(token: symbol, data?: Record<string, unknown>): Promise<void> {
    return this.#change(token, (c) => ({ present: true, data: data === undefined ? c.data : data }));
  }

  /** As {@link enter}: present, with this data. */
  update(token: symbol, data?: Record<string, unknown>): Promise<void> {
    return this.enter(token, data);
  }

  /** A holder no longer asks to be present; the client leaves when no other holder does. */
  leave(token: symbol): Promise<void> {
    return this.#change(token, (c) => ({ present: false, data: c.data }));
  }

  /** Forgets what was applied: the room was let go, and the server dropped our presence with it. */
  reset(): void {
    this.#applied = { present: false, data: undefined };
    this.#leftLast = false;
  }

  /** Resolves when nothing is in flight (used before letting a room go). */
  settled(): Promise<void> {
    return (this.#running ?? Promise.resolve()).catch(() => {});
  }

  #change(token: symbol, next: (current: Contribution) => Contribution): Promise<void> {
    const current = this.#holders.get(token);
    if (!current) return Promise.resolve();
    this.#holders.set(token, next(current));
    return this.#recompute();
  }

  #recompute(): Promise<void> {
    const present = [...this.#holders.values()].filter((c) => c.present);
    this.#desired = { present: present.length > 0, data: mergeData(present) };
    return this.#kick();
  }

  #kick(): Promise<void> {
    if (!this.#working) {
      this.#working = true;
      this.#running = this.#work();
    }
    return this.#running!;
  }

  /**
   * Applies one operation at a time until the applied state matches the desired one. `working` is cleared in the
   * same tick as the worker decides to stop, so a change made right after always starts a new run (never joins a
   * finished one).
   */
  async #work(): Promise<void> {
    try {
      for (;;) {
        if (this.#isApplied()) return;
        try {
          const room = await this.#host.whenAttached();
          // Read the target only now: holders that mounted while the room attached join this one operation.
          const target = this.#desired;
          const current = this.#applied;
          if (this.#isApplied()) return;
          const data = target.data as PresenceData | undefined;
          if (!target.present) await room.presence.leave();
          else if (!current.present) await room.presence.enter(data);
          else await room.presence.update(data);
          this.#applied = target;
          this.#leftLast = !target.present;
          this.#retriesLeft = MAX_RETRIES_AFTER_FAILURE;
          this.error.set(null);
        } catch (error) {
          const info = toErrorInfo(error);
          this.error.set(info);
          // A call that failed in a fault (a timeout, a dropped connection) is not given up on: try again after the
          // grace period, a few times, and again after every reconcile (chaos seed 20261130: an update in flight
          // when the server restarted was never sent again, so others kept seeing the older data).
          if (this.#retriesLeft > 0) {
            this.#retriesLeft--;
            this.#scheduleSelfCheck();
          }
          throw info;
        }
      }
    } finally {
      this.#working = false;
    }
  }

  #isApplied(): boolean {
    const desired = this.#desired;
    const applied = this.#applied;
    return desired.present === applied.present && (!desired.present || jsonEqual(desired.data, applied.data));
  }

  /**
   * Checks our own member after every reconcile (first attach, discontinuity, re-attach) and after every event about
   * it that we did not cause, since the SDK re-enters by itself (RTP17) and is not always right:
   * - we should be present but are not, and its re-entry did not bring us back: enter again;
   * - we are present with other data than we last sent: send ours again. After a failed resume ably-js re-enters
   *   with the data it last saw echoed, after an update queued meanwhile (chaos seed 20261130);
   * - we left but are present again: leave again (only after our own leave, so a member entered by other code on
   *   this client, e.g. `@ably/chat/react`'s usePresence, is left alone). ably-js keeps its own members by clientId and compares a new
   *   connection's echoes with the old connection's by msgSerial, so after a failed resume it ignores our leave's
   *   echo and re-enters us on the next re-attach (chaos seed 20261130).
   */
  #watchSelf(): () => void {
    const offSynced = this.#host.store.onSynced(() => {
      this.#retriesLeft = MAX_RETRIES_AFTER_FAILURE;
      this.#scheduleSelfCheck();
    });
    const offEvents = this.#host.store.onPresenceEvent((event) => {
      if (!this.#working && event.member.key === this.#host.store.selfKey()) this.#scheduleSelfCheck();
    });
    return () => {
      offSynced();
      offEvents();
    };
  }

  /** Waits a grace period (the SDK's own re-entry lands within it), then corrects our member if it is wrong. */
  #scheduleSelfCheck(): void {
    if (this.#reentryTimer !== undefined) clearTimeout(this.#reentryTimer);
    this.#reentryTimer = setTimeout(() => {
      this.#reentryTimer = undefined;
      if (this.#working || this.#holders.size === 0) return;
      const self = this.#host.store.selfNow();
      if (this.#desired.present && !self) {
        this.#applied = { present: false, data: undefined };
      } else if (this.#desired.present && this.#applied.present && !jsonEqual(self?.data, this.#applied.data)) {
        this.#applied = { present: true, data: self?.data };
      } else if (!this.#desired.present && self && this.#leftLast) {
        this.#applied = { present: true, data: self.data };
      } else if (this.#isApplied()) {
        return;
      }
      // Otherwise a call failed and left what we want unsent: send it now.
      void this.#kick().catch(() => {});
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

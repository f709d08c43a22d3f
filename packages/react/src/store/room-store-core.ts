import type { PresenceEvent, Room } from '@ably/chat';
import type * as Ably from 'ably';
import { toErrorInfo } from '../errors.js';
import { callEach } from './call-each.js';
import { fetchChannelOccupancy } from './channel-status.js';
import { EMPTY_LIVE_SNAPSHOT, EMPTY_MEMBERS, EMPTY_OCCUPANCY } from './empty-snapshots.js';
import type { FrameScheduler } from './frame-scheduler.js';
import { MemberSet, memberKey, toMember } from './member-set.js';
import { parseOccupancyMetrics, sameOccupancy } from './occupancy-metrics.js';
import type {
  OccupancyMetrics,
  PresenceEventName,
  PresenceKitEvent,
  PresenceKitMember,
  RoomSnapshot,
} from './types.js';

type Member = PresenceKitMember<unknown>;

/**
 * What the live store publishes: the parts of a {@link RoomSnapshot} every room needs. The per-person views (`people`,
 * `others`, the id lists) are derived from `members` by `peopleView`, only for the hooks that read them.
 */
export type LiveSnapshot = Pick<RoomSnapshot<unknown>, 'members' | 'self' | 'occupancy' | 'isSynced' | 'hasOccupancy'>;

/** Who "self" is: this client's clientId and its current connectionId (which changes after a failed resume). */
export type IdentityReader = () => { clientId: string | undefined; connectionId: string | undefined };

export interface RoomStoreOptions {
  scheduler: FrameScheduler;
  identity: IdentityReader;
}

/** The name `@ably/chat` rooms' channels carry occupancy events under. */
export const OCCUPANCY_EVENT_NAME = '[meta]occupancy';

const PRESENCE_EVENT_NAMES: ReadonlySet<string> = new Set<PresenceEventName>(['enter', 'leave', 'update', 'present']);

/**
 * The presence and occupancy state of one room, with no React in it. One subscription per room feeds it:
 * presence events are applied one member at a time, a full `presence.get()` reconciles once after attaching and
 * after every discontinuity, and occupancy comes from `[meta]occupancy` (all eight metrics), seeded by a REST
 * channel status. Listeners are notified at most once per frame; the snapshot is rebuilt at that moment, so every
 * reader sees the same immutable snapshot between notifications. `RoomStore` adds the per-person views to the
 * snapshot; this core is what `<PresenceRoom>` holds, so an app that never reads people never ships that code.
 *
 * @example
 * const store = new RoomStoreCore({ scheduler: animationFrameScheduler, identity: () => ({ clientId, connectionId }) });
 * const unbind = store.bind(room);
 * const unsubscribe = store.subscribe(() => render(store.getSnapshot().members));
 */
export class RoomStoreCore {
  readonly #index = new MemberSet();
  readonly #listeners = new Set<() => void>();
  readonly #eventListeners = new Set<(event: PresenceKitEvent<unknown>) => void>();
  readonly #syncListeners = new Set<() => void>();
  readonly #errorListeners = new Set<(error: Ably.ErrorInfo) => void>();
  #snapshot: LiveSnapshot = EMPTY_LIVE_SNAPSHOT;
  #occupancy: OccupancyMetrics = EMPTY_OCCUPANCY;
  #hasOccupancy = false;
  #occupancyVersion = 0;
  #isSynced = false;
  #selfDirty = false;
  #cancelFrame: (() => void) | undefined;
  /** Keys changed by events while a full `get()` was in flight: those events are newer than the get's answer. */
  #touchedDuringSync: Set<string> | undefined;
  #syncGeneration = 0;

  readonly #options: RoomStoreOptions;

  constructor(options: RoomStoreOptions) {
    this.#options = options;
  }

  readonly getSnapshot = (): LiveSnapshot => this.#snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** Raw presence events, delivered synchronously as the SDK emits them (for event hooks; not batched). */
  onPresenceEvent(listener: (event: PresenceKitEvent<unknown>) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Called after each full reconcile (first attach, discontinuity, re-attach). */
  onSynced(listener: () => void): () => void {
    this.#syncListeners.add(listener);
    return () => this.#syncListeners.delete(listener);
  }

  /** Errors the store met while reading the room (failed `get()`, failed subscription). */
  onError(listener: (error: Ably.ErrorInfo) => void): () => void {
    this.#errorListeners.add(listener);
    return () => this.#errorListeners.delete(listener);
  }

  /** Call when the connection changed (e.g. a new connectionId after a failed resume), so `self` is recomputed. */
  connectionChanged(): void {
    this.#selfDirty = true;
    this.#schedule();
  }

  /**
   * Starts reading a room: subscribes to presence, occupancy, status and discontinuities. Call before
   * `room.attach()` so no event is missed. Returns a function that stops reading and clears the state.
   */
  bind(room: Room): () => void {
    const offs: Array<() => void> = [];
    let needsSync = true;
    const syncIfAttached = () => {
      if (room.status === 'attached' && needsSync) {
        needsSync = false;
        void this.#sync(room);
      }
    };

    try {
      offs.push(room.presence.subscribe((event) => this.#applyEvent(event)).unsubscribe);
    } catch (error) {
      // Presence events are off for this room (`presence.enableEvents: false`): members stay empty, occupancy works.
      this.#reportError(error);
    }

    const occupancyEvents = room.options().occupancy?.enableEvents === true;
    if (occupancyEvents) {
      const onOccupancy = (message: Ably.InboundMessage) => this.#applyOccupancy(parseOccupancyMetrics(message.data));
      void room.channel.subscribe(OCCUPANCY_EVENT_NAME, onOccupancy);
      offs.push(() => room.channel.unsubscribe(OCCUPANCY_EVENT_NAME, onOccupancy));
    }

    offs.push(
      room.onStatusChange((change) => {
        if (change.current === 'detached' || change.current === 'suspended' || change.current === 'failed') {
          needsSync = true;
        }
        if (change.current === 'attached' && occupancyEvents && !this.#hasOccupancy) void this.#seedOccupancy(room);
        syncIfAttached();
      }).off,
    );
    offs.push(
      room.onDiscontinuity(() => {
        // Continuity was lost (e.g. a failed resume): events may have been missed, so read the whole set again.
        needsSync = true;
        syncIfAttached();
      }).off,
    );
    if (room.status === 'attached' && occupancyEvents) void this.#seedOccupancy(room);
    syncIfAttached();

    return () => {
      for (const off of offs) off();
      this.#syncGeneration++;
      this.#touchedDuringSync = undefined;
      this.#index.clear();
      this.#isSynced = false;
      this.#occupancy = EMPTY_OCCUPANCY;
      this.#hasOccupancy = false;
      this.#schedule();
    };
  }

  /** Stops any pending frame; the store can be garbage-collected afterwards. */
  dispose(): void {
    this.#cancelFrame?.();
    this.#cancelFrame = undefined;
    this.#listeners.clear();
    this.#eventListeners.clear();
    this.#syncListeners.clear();
    this.#errorListeners.clear();
  }

  /** Whether this client's current connection is in the member set right now (not waiting for the next frame). */
  isSelfPresentNow(): boolean {
    return this.selfNow() !== undefined;
  }

  /** This client's member on its current connection right now (not waiting for the next frame), if present. */
  selfNow(): Member | undefined {
    const key = this.selfKey();
    return key === undefined ? undefined : this.#index.get(key);
  }

  /** This client's clientId, once known. */
  get clientId(): string | undefined {
    return this.#options.identity().clientId;
  }

  /** The member key this client has on its current connection (`clientId:connectionId`), once connected. */
  selfKey(): string | undefined {
    const { clientId, connectionId } = this.#options.identity();
    return clientId === undefined || connectionId === undefined ? undefined : memberKey(clientId, connectionId);
  }

  /** Sets occupancy from outside (e.g. a REST poll); ignored when unchanged. */
  setOccupancy(metrics: OccupancyMetrics): void {
    this.#applyOccupancy(metrics);
  }

  #applyEvent(event: PresenceEvent): void {
    if (!PRESENCE_EVENT_NAMES.has(event.type)) return;
    const type = event.type as PresenceEventName;
    const member = toMember(event.member);
    this.#touchedDuringSync?.add(member.key);
    const changed = type === 'leave' ? this.#index.remove(member.key) : this.#index.put(member);
    if (changed) this.#schedule();
    if (this.#eventListeners.size > 0) {
      // Hand listeners the stored object when it is unchanged, so identity matches what the snapshot holds.
      const stored = type === 'leave' ? member : (this.#index.get(member.key) ?? member);
      const forwarded: PresenceKitEvent<unknown> = { type, member: stored };
      callEach(this.#eventListeners, forwarded);
    }
  }

  async #sync(room: Room): Promise<void> {
    const generation = ++this.#syncGeneration;
    const touched = new Set<string>();
    this.#touchedDuringSync = touched;
    let members: Member[];
    try {
      members = (await room.presence.get()).map(toMember);
    } catch (error) {
      if (generation === this.#syncGeneration) this.#touchedDuringSync = undefined;
      this.#reportError(error);
      return;
    }
    if (generation !== this.#syncGeneration) return;
    this.#touchedDuringSync = undefined;
    const seen = new Set<string>();
    let changed = false;
    for (const member of members) {
      seen.add(member.key);
      if (touched.has(member.key)) continue;
      if (this.#index.put(member)) changed = true;
    }
    for (const key of [...this.#index.keys()]) {
      if (!seen.has(key) && !touched.has(key) && this.#index.remove(key)) changed = true;
    }
    const firstSync = !this.#isSynced;
    this.#isSynced = true;
    if (changed || firstSync) this.#schedule();
    callEach(this.#syncListeners, undefined);
  }

  async #seedOccupancy(room: Room): Promise<void> {
    const versionAtStart = this.#occupancyVersion;
    try {
      const metrics = await fetchChannelOccupancy(room.channel);
      // An event that arrived while the request was in flight is newer than the REST answer.
      if (this.#occupancyVersion !== versionAtStart) return;
      this.#applyOccupancy(metrics);
    } catch {
      // No `channel-metadata` capability, or REST unreachable: occupancy events will still arrive.
    }
  }

  #applyOccupancy(metrics: OccupancyMetrics | null): void {
    if (!metrics) return;
    this.#occupancyVersion++;
    if (this.#hasOccupancy && sameOccupancy(metrics, this.#occupancy)) return;
    this.#occupancy = metrics;
    this.#hasOccupancy = true;
    this.#schedule();
  }

  #reportError(error: unknown): void {
    callEach(this.#errorListeners, toErrorInfo(error));
  }

  #schedule(): void {
    if (this.#cancelFrame) return;
    this.#cancelFrame = this.#options.scheduler(() => {
      this.#cancelFrame = undefined;
      this.#flush();
    });
  }

  #flush(): void {
    const previous = this.#snapshot;
    const membersChanged = this.#index.dirty;
    const members = this.#index.members();
    const self = membersChanged || this.#selfDirty ? this.#computeSelf(previous.self) : previous.self;
    this.#selfDirty = false;
    if (
      members === previous.members &&
      self === previous.self &&
      this.#occupancy === previous.occupancy &&
      this.#isSynced === previous.isSynced &&
      this.#hasOccupancy === previous.hasOccupancy
    ) {
      return;
    }
    this.#snapshot = Object.freeze({
      members,
      self,
      occupancy: this.#occupancy,
      isSynced: this.#isSynced,
      hasOccupancy: this.#hasOccupancy,
    });
    callEach(this.#listeners, undefined);
  }

  /** This connection's member (a key is unique, so at most one), as the previous array while it is the same one. */
  #computeSelf(previous: readonly Member[]): readonly Member[] {
    const member = this.selfNow();
    if (member === previous[0]) return previous;
    return member ? Object.freeze([member]) : EMPTY_MEMBERS;
  }
}

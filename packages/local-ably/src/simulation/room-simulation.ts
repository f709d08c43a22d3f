import type { Channel } from '../channels/channel.js';
import type { ChannelRegistry } from '../channels/channel-registry.js';
import type { OccupancyNotifier } from '../occupancy/occupancy-notifier.js';
import type { PresenceService } from '../presence/presence-service.js';
import type { PresenceEvent } from '../presence/presence-set.js';
import { PresenceAction } from '../protocol/actions.js';
import { IndexPool } from './index-pool.js';
import { SIMULATED_STATUSES, type SimulatedMemberData, simulatedProfile } from './profiles.js';
import { SeededRandom } from './seeded-random.js';

/** What to simulate on one channel. Validated by the SimulationManager. */
export interface SimulationSettings {
  count: number;
  churnPerSecond: number;
  seed: number;
  batchSize: number;
}

/** Counts of what a simulation did, for tests and the developer panel. */
export interface SimulationEventCounts {
  enter: number;
  update: number;
  leave: number;
}

export interface SimulationDeps {
  channels: ChannelRegistry;
  presence: PresenceService;
  occupancy: OccupancyNotifier;
}

interface SimulatedMember {
  readonly clientId: string;
  readonly connectionId: string;
  data: SimulatedMemberData;
  /** The last msgSerial used in this member's ids; SDKs order a connection's events by it. */
  serial: number;
}

const CHURN_TICK_MS = 100;
/** Frames sent per event-loop turn, so a 10,000-member burst never starves pings, ACKs and other rooms. */
const FRAMES_PER_TURN = 8;

/**
 * Synthetic members on one channel. Each has its own synthetic connectionId (so it counts as a presence member but
 * not as a connection), enters at start, then updates, leaves and re-enters at `churnPerSecond`. Events are applied to
 * the presence set at once (so SYNC and REST see them) and broadcast in PRESENCE frames of up to `batchSize` members.
 */
export class RoomSimulation {
  readonly events: SimulationEventCounts = { enter: 0, update: 0, leave: 0 };
  private readonly members: SimulatedMember[] = [];
  private readonly connectionIds = new Set<string>();
  private readonly present = new IndexPool();
  private readonly absent = new IndexPool();
  private readonly churnRandom: SeededRandom;
  private pending: PresenceEvent[] = [];
  private flushScheduled: NodeJS.Immediate | undefined;
  private churnTimer: NodeJS.Timeout | undefined;
  private churnCredit = 0;
  private lastTick = 0;

  constructor(
    readonly channelName: string,
    readonly settings: SimulationSettings,
    private readonly deps: SimulationDeps,
    /** How many simulations ran on this channel before; part of the connectionIds so a replacement's ids are new. */
    generation = 0,
  ) {
    const profiles = new SeededRandom(settings.seed);
    this.churnRandom = new SeededRandom(settings.seed ^ 0x9e3779b9);
    const width = String(settings.count).length;
    for (let index = 0; index < settings.count; index++) {
      const label = String(index + 1).padStart(width, '0');
      const member: SimulatedMember = {
        clientId: `sim-user-${label}`,
        connectionId: `sim${generation}-${settings.seed.toString(36)}-${label}`,
        data: simulatedProfile(profiles),
        serial: -1,
      };
      this.members.push(member);
      this.connectionIds.add(member.connectionId);
      this.absent.add(index);
    }
  }

  /** Enters every member and starts the churn timer. */
  start(): void {
    const channel = this.deps.channels.getOrCreate(this.channelName);
    for (let index = 0; index < this.members.length; index++) this.apply(channel, index, PresenceAction.ENTER);
    this.changed(channel);
    if (this.settings.churnPerSecond > 0) {
      this.lastTick = Date.now();
      this.churnTimer = setInterval(() => this.churn(), CHURN_TICK_MS);
      this.churnTimer.unref();
    }
  }

  /** Stops churning and removes every member with LEAVEs that subscribers see. */
  stop(): void {
    this.stopChurn();
    const channel = this.deps.channels.get(this.channelName);
    if (!channel) return;
    const now = Date.now();
    for (const member of this.members) {
      // removeConnection also drops what the set remembers about members that left during churn.
      for (const removed of channel.presence.removeConnection(member.connectionId)) {
        member.serial++;
        this.events.leave++;
        this.pending.push({
          action: PresenceAction.LEAVE,
          member: {
            ...removed,
            id: `${member.connectionId}:${member.serial}:0`,
            timestamp: Math.max(now, removed.timestamp),
          },
        });
      }
    }
    for (let index = 0; index < this.members.length; index++) {
      this.present.remove(index);
      this.absent.add(index);
    }
    this.scheduleFlush();
    this.changed(channel);
  }

  /** Forgets everything without telling anyone (a restart that lost state; the channels are gone already). */
  discard(): void {
    this.stopChurn();
    this.pending = [];
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
  }

  get presentCount(): number {
    return this.present.size;
  }

  /** Whether a connectionId belongs to one of this simulation's members. */
  owns(connectionId: string): boolean {
    return this.connectionIds.has(connectionId);
  }

  private churn(): void {
    const now = Date.now();
    this.churnCredit += (this.settings.churnPerSecond * (now - this.lastTick)) / 1000;
    this.lastTick = now;
    // A stalled event loop must not turn into an unbounded burst.
    this.churnCredit = Math.min(this.churnCredit, Math.max(1, this.settings.churnPerSecond));
    if (this.churnCredit < 1) return;
    const channel = this.deps.channels.getOrCreate(this.channelName);
    while (this.churnCredit >= 1) {
      this.churnCredit -= 1;
      this.churnOnce(channel);
    }
    this.changed(channel);
  }

  /** One event: half updates, a quarter leaves, a quarter re-enters, so the room stays close to `count`. */
  private churnOnce(channel: Channel): void {
    const roll = this.churnRandom.next();
    const canLeave = this.present.size > 0;
    const canEnter = this.absent.size > 0;
    if ((roll < 0.25 && canEnter) || !canLeave) {
      const index = this.absent.at(this.churnRandom.int(this.absent.size));
      if (index !== undefined) this.apply(channel, index, PresenceAction.ENTER);
      return;
    }
    const index = this.present.at(this.churnRandom.int(this.present.size));
    if (index === undefined) return;
    if (roll < 0.5) {
      this.apply(channel, index, PresenceAction.LEAVE);
      return;
    }
    const member = this.members[index] as SimulatedMember;
    const statuses = SIMULATED_STATUSES.filter((status) => status !== member.data.status);
    member.data = { ...member.data, status: this.churnRandom.pick(statuses) };
    this.apply(channel, index, PresenceAction.UPDATE);
  }

  private apply(channel: Channel, index: number, action: number): void {
    const member = this.members[index] as SimulatedMember;
    member.serial++;
    const event = channel.presence.apply({
      action,
      // A genuine-looking id (`connectionId:msgSerial:index`) lets SDKs order this member's events by serial.
      id: `${member.connectionId}:${member.serial}:0`,
      clientId: member.clientId,
      connectionId: member.connectionId,
      timestamp: Date.now(),
      data: member.data,
    });
    if (action === PresenceAction.LEAVE) {
      this.present.remove(index);
      this.absent.add(index);
    } else {
      this.absent.remove(index);
      this.present.add(index);
    }
    if (!event) return;
    if (event.action === PresenceAction.ENTER) this.events.enter++;
    else if (event.action === PresenceAction.UPDATE) this.events.update++;
    else this.events.leave++;
    this.pending.push(event);
    this.scheduleFlush();
  }

  private changed(channel: Channel): void {
    // The notifier debounces, so one call per batch coalesces thousands of changes into one occupancy event.
    this.deps.occupancy.changed(channel);
  }

  private scheduleFlush(): void {
    this.flushScheduled ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = undefined;
    const channel = this.deps.channels.get(this.channelName);
    if (!channel) {
      // Nobody can be attached to a channel that no longer exists, so there is no one to tell.
      this.pending = [];
      return;
    }
    for (let frame = 0; frame < FRAMES_PER_TURN && this.pending.length > 0; frame++) {
      this.deps.presence.broadcast(channel, this.pending.splice(0, this.settings.batchSize));
    }
    if (this.pending.length > 0) this.scheduleFlush();
  }

  private stopChurn(): void {
    if (this.churnTimer) clearInterval(this.churnTimer);
    this.churnTimer = undefined;
  }
}

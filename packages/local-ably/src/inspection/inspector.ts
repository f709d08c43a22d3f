import type { Channel } from '../channels/channel.js';
import type { ChannelRegistry } from '../channels/channel-registry.js';
import { roomOfChannel } from '../channels/chat-room.js';
import type { OccupancyMetrics } from '../occupancy/metrics.js';
import type { ConnectionRegistry } from '../realtime/connection-registry.js';
import type { SimulationManager } from '../simulation/simulation-manager.js';

/** A channel as the developer panel lists it. */
export interface ChannelSummary {
  name: string;
  /** The chat room this channel backs, if any. */
  room?: string;
  /** Realtime connections attached. */
  connections: number;
  /** Presence members, real and simulated. */
  members: number;
  simulatedMembers: number;
  metrics: OccupancyMetrics;
}

/** A realtime connection as the developer panel lists it. */
export interface ConnectionSummary {
  id: string;
  clientId?: string;
  /** `connected`, or `dropped` while it waits to be resumed. */
  state: 'connected' | 'dropped' | 'closed';
  /** Faults acting on its transport. */
  stalled: boolean;
  delayMs: number;
  channels: string[];
  createdAt: number;
  droppedAt?: number;
  /** Why the server itself last cut this connection (it stopped reading, or went silent), if it did. */
  lastFailure?: string;
}

/** A presence member as the developer panel lists it. */
export interface MemberSummary {
  id: string;
  clientId: string;
  connectionId: string;
  timestamp: number;
  /** The member's data; JSON-encoded data is decoded. */
  data?: unknown;
  /** The remaining encoding when the data could not be decoded (e.g. `base64`). */
  encoding?: string;
  simulated: boolean;
}

/** One page of a channel's members; `total` counts them all. */
export interface MemberList {
  channel: string;
  total: number;
  members: MemberSummary[];
}

/**
 * Read-only views of the server's live state for tests and a developer panel. Cheap enough to poll: nothing is
 * copied beyond what is returned.
 *
 * @example
 * const [lobby] = server.inspect.rooms();
 * console.log(lobby?.members, lobby?.metrics.connections);
 */
export class Inspector {
  constructor(
    private readonly channels: ChannelRegistry,
    private readonly connections: ConnectionRegistry,
    private readonly simulation: SimulationManager,
  ) {}

  /** Every live channel, sorted by name. */
  channelList(): ChannelSummary[] {
    return [...this.channels.values()]
      .filter((channel) => !channel.isIdle)
      .map((channel) => this.summarize(channel))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Live channels that back chat rooms. */
  rooms(): ChannelSummary[] {
    return this.channelList().filter((channel) => channel.room !== undefined);
  }

  connectionList(): ConnectionSummary[] {
    return [...this.connections.values()].map((connection) => ({
      id: connection.id,
      ...(connection.clientId !== undefined ? { clientId: connection.clientId } : {}),
      state: connection.state,
      stalled: connection.transport?.isStalled ?? false,
      delayMs: connection.transport?.delay ?? 0,
      channels: [...connection.attachments.keys()].sort(),
      createdAt: connection.createdAt,
      ...(connection.droppedAt !== undefined ? { droppedAt: connection.droppedAt } : {}),
      ...(connection.lastFailure !== undefined ? { lastFailure: connection.lastFailure } : {}),
    }));
  }

  /** A channel's members (the first `limit`, real members first); an unknown channel has none. */
  members(channelName: string, limit = Number.POSITIVE_INFINITY): MemberList {
    const channel = this.channels.get(channelName);
    const real: MemberSummary[] = [];
    const simulated: MemberSummary[] = [];
    for (const member of channel?.presence.values() ?? []) {
      const isSimulated = this.simulation.isSimulated(channelName, member.connectionId);
      // Real members are few and the interesting ones, so they always come first; simulated ones fill up to `limit`.
      if (isSimulated && simulated.length >= limit) continue;
      (isSimulated ? simulated : real).push({
        id: member.id,
        clientId: member.clientId,
        connectionId: member.connectionId,
        timestamp: member.timestamp,
        ...readableData(member.data, member.encoding),
        simulated: isSimulated,
      });
    }
    return {
      channel: channelName,
      total: channel?.presence.size ?? 0,
      members: [...real, ...simulated].slice(0, limit),
    };
  }

  private summarize(channel: Channel): ChannelSummary {
    const metrics = channel.metrics();
    const room = roomOfChannel(channel.name);
    let simulatedMembers = 0;
    for (const member of channel.presence.values()) {
      if (this.simulation.isSimulated(channel.name, member.connectionId)) simulatedMembers++;
    }
    return {
      name: channel.name,
      ...(room !== undefined ? { room } : {}),
      connections: metrics.connections,
      members: metrics.presenceMembers,
      simulatedMembers,
      metrics,
    };
  }
}

/** SDKs send objects as JSON strings with `encoding: "json"`; a panel wants the object, so decode that one case. */
function readableData(data: unknown, encoding: string | undefined): { data?: unknown; encoding?: string } {
  if (encoding === 'json' && typeof data === 'string') {
    try {
      return { data: JSON.parse(data) };
    } catch {
      // Not valid JSON after all: show it as sent.
    }
  }
  return {
    ...(data !== undefined ? { data } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
  };
}

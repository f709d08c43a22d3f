import { chatChannelName, type LocalAbly, type OccupancyMetrics } from '@presence-kit/local-ably';
import { dataText, type ViewMember } from './observer-view.js';
import { CHAOS_ROOM } from './timings.js';

/** What the server holds for the chaos room, read through `server.inspect`. */
export interface ServerTruth {
  members: ViewMember[];
  occupancy: OccupancyMetrics | undefined;
  /** Every connection the server knows, with its state (`connected`, or `dropped` while resumable). */
  connections: Array<{ id: string; clientId: string | undefined; state: string }>;
}

export function readServerTruth(server: LocalAbly): ServerTruth {
  const channel = chatChannelName(CHAOS_ROOM);
  const members = server.inspect.members(channel).members.map((m) => ({
    clientId: m.clientId,
    connectionId: m.connectionId,
    data: dataText(m.data),
  }));
  const summary = server.inspect.channelList().find((c) => c.name === channel);
  return {
    members,
    occupancy: summary?.metrics,
    connections: server.inspect.connectionList().map((c) => ({ id: c.id, clientId: c.clientId, state: c.state })),
  };
}

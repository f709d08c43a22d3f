import { chatChannelName } from '@presence-kit/local-ably';
import type { ServerTruth } from './server-process/server-commands.js';
import type { ServerProcess } from './server-process/server-process.js';
import { CHAOS_ROOM } from './timings.js';

export type { ServerTruth } from './server-process/server-commands.js';

/** What the server holds for the chaos room: members, occupancy and connections, in one round trip to its process. */
export function readServerTruth(server: ServerProcess): Promise<ServerTruth> {
  return server.truth(chatChannelName(CHAOS_ROOM));
}

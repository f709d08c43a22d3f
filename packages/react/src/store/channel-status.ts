import type * as Ably from 'ably';
import { parseOccupancyMetrics } from './occupancy-metrics.js';
import type { OccupancyMetrics } from './types.js';

/**
 * All eight occupancy metrics of a channel from REST (`GET /channels/<name>`, one request, no attach needed).
 * ably 2.28 implements `status()` on realtime channels but types it only on REST channels, hence the narrow cast.
 */
export async function fetchChannelOccupancy(channel: Ably.RealtimeChannel): Promise<OccupancyMetrics | null> {
  const details = await (channel as unknown as Pick<Ably.Channel, 'status'>).status();
  return parseOccupancyMetrics(details.status?.occupancy);
}

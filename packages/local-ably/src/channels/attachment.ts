import type { MetricName } from '../occupancy/metrics.js';
import type { Connection } from '../realtime/connection.js';

/** One connection's attachment to one channel. */
export interface Attachment {
  readonly connection: Connection;
  /** Granted mode bits. */
  modes: number;
  /** Params echoed on ATTACHED (only those honoured). */
  params: Record<string, string>;
  /** Which occupancy metrics this attachment receives as `[meta]occupancy` events, if any. */
  occupancy: 'all' | MetricName | undefined;
}

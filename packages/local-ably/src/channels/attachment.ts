import type { MetricName } from '../occupancy/metrics.js';
import type { OutboundFrame } from '../protocol/frame.js';
import type { Connection } from '../realtime/connection.js';

/** One connection's attachment to one channel. */
export interface Attachment {
  readonly connection: Connection;
  /**
   * The name the client attached with, when it differs from the channel's (`[?rewind=1]room`): every frame to this
   * attachment must carry it, or the SDK cannot route the frame to its channel object.
   */
  readonly wireName?: string;
  /** Granted mode bits. */
  modes: number;
  /** Params echoed on ATTACHED (only those honoured). */
  params: Record<string, string>;
  /** Which occupancy metrics this attachment receives as `[meta]occupancy` events, if any. */
  occupancy: 'all' | MetricName | undefined;
}

/** The key of an attachment in `Channel.attachments`: one connection may attach `room` and `[?rewind=1]room` at once. */
export function attachmentKey(connectionId: string, wireName: string | undefined): string {
  return wireName === undefined ? connectionId : `${connectionId} ${wireName}`;
}

/** Sends a channel frame to an attachment under the name that attachment used. */
export function deliver(attachment: Attachment, frame: OutboundFrame): void {
  attachment.connection.send(attachment.wireName === undefined ? frame : frame.forChannel(attachment.wireName));
}

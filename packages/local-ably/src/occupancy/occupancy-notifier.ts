import { type Attachment, deliver } from '../channels/attachment.js';
import type { Channel } from '../channels/channel.js';
import type { ChannelRegistry } from '../channels/channel-registry.js';
import { Action } from '../protocol/actions.js';
import { OutboundFrame } from '../protocol/frame.js';
import { type OccupancyMetrics, sameMetrics, selectMetrics } from './metrics.js';

export const OCCUPANCY_EVENT = '[meta]occupancy';

/**
 * Sends `[meta]occupancy` events to attachments that asked for them: once right after ATTACHED, then on every change
 * (debounced), and only when the counts an attachment sees actually changed.
 */
export class OccupancyNotifier {
  private readonly lastSent = new WeakMap<Attachment, OccupancyMetrics>();
  private eventCounter = 0;

  constructor(
    private readonly channels: ChannelRegistry,
    private readonly debounceMs: number,
  ) {}

  /** Call after anything that may change a channel's counts. */
  changed(channel: Channel): void {
    if (channel.occupancyTimer) return;
    channel.occupancyTimer = setTimeout(() => {
      channel.occupancyTimer = undefined;
      this.flush(channel);
      this.channels.releaseIfIdle(channel);
    }, this.debounceMs);
    channel.occupancyTimer.unref?.();
  }

  /**
   * The current counts, sent right after every ATTACHED, a re-attach after a resume included. Always sent: events
   * sent while the connection was stalled or dropped never arrived (local-ably does not replay them), so what this
   * attachment was last sent is no guide to what its client knows (found by the chaos run, seed 20261130).
   */
  sendCurrent(channel: Channel, attachment: Attachment): void {
    if (!attachment.occupancy) return;
    this.lastSent.delete(attachment);
    this.send(channel, [attachment], channel.metrics());
  }

  private flush(channel: Channel): void {
    const listeners = [...channel.attachments.values()].filter((attachment) => attachment.occupancy);
    if (listeners.length > 0) this.send(channel, listeners, channel.metrics());
  }

  private send(channel: Channel, attachments: Attachment[], metrics: OccupancyMetrics): void {
    const frames = new Map<string, OutboundFrame>();
    for (const attachment of attachments) {
      const selection = attachment.occupancy;
      // Only a change in the metrics this attachment selected is news to it.
      if (!selection || sameMetrics(this.lastSent.get(attachment), metrics, selection)) continue;
      this.lastSent.set(attachment, metrics);
      let frame = frames.get(selection);
      if (!frame) {
        const timestamp = Date.now();
        const id = `occupancy-${(++this.eventCounter).toString(36)}`;
        frame = new OutboundFrame({
          action: Action.MESSAGE,
          channel: channel.name,
          channelSerial: channel.nextSerial(),
          id,
          timestamp,
          messages: [
            { id: `${id}:0`, name: OCCUPANCY_EVENT, timestamp, data: { metrics: selectMetrics(metrics, selection) } },
          ],
        });
        frames.set(selection, frame);
      }
      deliver(attachment, frame);
    }
  }
}

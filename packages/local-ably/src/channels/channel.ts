import { computeMetrics, type OccupancyMetrics } from '../occupancy/metrics.js';
import { PresenceSet } from '../presence/presence-set.js';
import type { Attachment } from './attachment.js';
import type { SerialClock } from './serial-clock.js';

/** A channel's live state: who is attached, who is present, and its serial counter. */
export class Channel {
  readonly attachments = new Map<string, Attachment>();
  readonly presence = new PresenceSet();
  /** The last occupancy sent, so unchanged counts send nothing. */
  lastOccupancy: OccupancyMetrics | undefined;
  occupancyTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    private readonly clock: SerialClock,
  ) {}

  /** A fresh, increasing, non-empty channelSerial (chat crashes without one on ATTACHED). */
  nextSerial(): string {
    return this.clock.next();
  }

  metrics(): OccupancyMetrics {
    const modes = (function* (attachments: Map<string, Attachment>) {
      for (const attachment of attachments.values()) yield attachment.modes;
    })(this.attachments);
    return computeMetrics(modes, this.presence.size);
  }

  get isIdle(): boolean {
    return this.attachments.size === 0 && this.presence.size === 0;
  }
}

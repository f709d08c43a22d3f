import { Channel } from './channel.js';
import { SerialClock } from './serial-clock.js';

/** All live channels. A channel exists while anything is attached to it or present on it. */
export class ChannelRegistry {
  private readonly channels = new Map<string, Channel>();

  /** Every serial on the server, channel and message alike, comes from this one clock. */
  readonly clock: SerialClock;

  constructor(epoch: string) {
    this.clock = new SerialClock(epoch);
  }

  get(name: string): Channel | undefined {
    return this.channels.get(name);
  }

  getOrCreate(name: string): Channel {
    let channel = this.channels.get(name);
    if (!channel) {
      channel = new Channel(name, this.clock);
      this.channels.set(name, channel);
    }
    return channel;
  }

  /** Frees the channel once nothing refers to it, so memory returns to baseline. */
  releaseIfIdle(channel: Channel): void {
    if (channel.isIdle && !channel.occupancyTimer && this.channels.get(channel.name) === channel) {
      this.channels.delete(channel.name);
    }
  }

  values(): IterableIterator<Channel> {
    return this.channels.values();
  }

  get size(): number {
    return this.channels.size;
  }

  /**
   * Forgets every channel and starts a new channelSerial epoch, as a server that restarted without its state would.
   * Attachments and members go silently: nobody is connected to hear about it.
   */
  reset(epoch: string): void {
    for (const channel of this.channels.values()) clearTimeout(channel.occupancyTimer);
    this.channels.clear();
    this.clock.reset(epoch);
  }
}

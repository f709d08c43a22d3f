import type { WirePresenceMessage } from '../protocol/types.js';

/** Bounds for {@link PresenceHistory}; both come from `LocalAblyOptions`. */
export interface PresenceHistoryLimits {
  /** Events kept per channel; the oldest go first. `0` keeps no history at all. */
  eventsPerChannel: number;
  /** Channels whose history is kept; the channel written to least recently goes first. */
  channels: number;
}

/** What `GET /channels/:channel/presence/history` asks for, already validated. */
export interface PresenceHistoryQuery {
  /** Earliest event timestamp, inclusive (ms). */
  start?: number;
  /** Latest event timestamp, inclusive (ms). */
  end?: number;
  direction: 'backwards' | 'forwards';
  limit: number;
  /** Sequence number of the first event of this page, from a previous page's `next` link. */
  cursor?: number;
}

export interface PresenceHistoryPage {
  items: WirePresenceMessage[];
  /** The cursor for the following page, when there is one. */
  next?: number;
}

interface Entry {
  /** Increases across the whole store, so a cursor stays valid while new events arrive or old ones are dropped. */
  readonly seq: number;
  readonly message: WirePresenceMessage;
}

/**
 * Presence events as they were broadcast (synthesized leaves included), per channel name, for REST presence history.
 * It is kept apart from `Channel` on purpose: channels are freed when idle, and history must outlive them without
 * keeping them (and their attachments) alive. Memory is bounded by `eventsPerChannel × channels` events.
 */
export class PresenceHistory {
  /** Map order is recency of the last write: re-inserting on write makes eviction of the first key LRU. */
  private readonly byChannel = new Map<string, Entry[]>();
  private seq = 0;

  constructor(private readonly limits: PresenceHistoryLimits) {}

  get enabled(): boolean {
    return this.limits.eventsPerChannel > 0 && this.limits.channels > 0;
  }

  record(channel: string, messages: readonly WirePresenceMessage[]): void {
    if (!this.enabled || messages.length === 0) return;
    let entries = this.byChannel.get(channel);
    if (entries) this.byChannel.delete(channel);
    else entries = [];
    this.byChannel.set(channel, entries);
    for (const message of messages) entries.push({ seq: ++this.seq, message });
    const excess = entries.length - this.limits.eventsPerChannel;
    if (excess > 0) entries.splice(0, excess);
    while (this.byChannel.size > this.limits.channels) {
      const oldest = this.byChannel.keys().next().value;
      if (oldest === undefined) break;
      this.byChannel.delete(oldest);
    }
  }

  query(channel: string, query: PresenceHistoryQuery): PresenceHistoryPage {
    const entries = this.byChannel.get(channel) ?? [];
    const { start = Number.NEGATIVE_INFINITY, end = Number.POSITIVE_INFINITY, cursor } = query;
    const inWindow = (entry: Entry) => {
      const timestamp = entry.message.timestamp ?? 0;
      return timestamp >= start && timestamp <= end;
    };
    const page: Entry[] = [];
    let next: number | undefined;
    const take = (entry: Entry): boolean => {
      if (!inWindow(entry)) return true;
      if (page.length === query.limit) {
        next = entry.seq;
        return false;
      }
      page.push(entry);
      return true;
    };
    if (query.direction === 'forwards') {
      for (const entry of entries) if ((cursor === undefined || entry.seq >= cursor) && !take(entry)) break;
    } else {
      for (let index = entries.length - 1; index >= 0; index--) {
        const entry = entries[index] as Entry;
        if ((cursor === undefined || entry.seq <= cursor) && !take(entry)) break;
      }
    }
    return { items: page.map((entry) => entry.message), next };
  }

  /** Events held for a channel (tests and inspection). */
  size(channel: string): number {
    return this.byChannel.get(channel)?.length ?? 0;
  }

  get channelCount(): number {
    return this.byChannel.size;
  }

  /** Forgets everything, as a server restarted without its state would. */
  clear(): void {
    this.byChannel.clear();
  }
}

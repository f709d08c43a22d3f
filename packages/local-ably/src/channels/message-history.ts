import type { ChatMessageRecord } from '../chat/chat-message.js';
import type { WireMessage } from '../protocol/types.js';

/** Bounds for {@link MessageHistory}; all three come from `LocalAblyOptions`. */
export interface MessageHistoryLimits {
  /** Messages kept per channel; the oldest go first. `0` keeps none (no rewind, no chat history). */
  messagesPerChannel: number;
  /** Channels whose messages are kept; the channel written to least recently goes first. */
  channels: number;
  /** Total bytes of message data kept across all channels; the oldest messages of the stalest channel go first. */
  bytes: number;
}

/** One stored message. `wire()` renders its latest state, so an edited chat message rewinds as edited. */
export interface StoredMessage {
  readonly serial: string;
  readonly timestamp: number;
  readonly size: number;
  wire(): WireMessage;
  /** Set for messages sent through the Chat REST API, which can be read, edited and reacted to. */
  readonly chat?: ChatMessageRecord;
}

interface ChannelEntries {
  list: StoredMessage[];
  bySerial: Map<string, StoredMessage>;
}

/**
 * Messages per channel name, for `rewind` and for the Chat REST API (history, get, update, delete, reactions).
 * It lives apart from `Channel`, which is freed when idle, and is bounded three ways (per channel, channels, bytes)
 * so a client publishing without end cannot grow the server without end.
 */
export class MessageHistory {
  /** Map order is recency of the last write, so the first key is the stalest channel. */
  private readonly byChannel = new Map<string, ChannelEntries>();
  private bytes = 0;

  constructor(private readonly limits: MessageHistoryLimits) {}

  get enabled(): boolean {
    return this.limits.messagesPerChannel > 0 && this.limits.channels > 0 && this.limits.bytes > 0;
  }

  append(channel: string, message: StoredMessage): void {
    if (!this.enabled) return;
    let entries = this.byChannel.get(channel);
    if (entries) {
      this.byChannel.delete(channel);
    } else {
      entries = { list: [], bySerial: new Map() };
    }
    this.byChannel.set(channel, entries);
    entries.list.push(message);
    entries.bySerial.set(message.serial, message);
    this.bytes += message.size;
    while (entries.list.length > this.limits.messagesPerChannel) this.dropOldest(channel, entries);
    while (this.byChannel.size > this.limits.channels) this.dropChannel();
    while (this.bytes > this.limits.bytes && this.byChannel.size > 0) {
      const [stalest, stalestEntries] = this.byChannel.entries().next().value as [string, ChannelEntries];
      this.dropOldest(stalest, stalestEntries);
    }
  }

  /** A message by serial, if it is still kept. */
  get(channel: string, serial: string): StoredMessage | undefined {
    return this.byChannel.get(channel)?.bySerial.get(serial);
  }

  /** All kept messages of a channel, oldest first (ascending serial). */
  list(channel: string): readonly StoredMessage[] {
    return this.byChannel.get(channel)?.list ?? [];
  }

  /** A stored message grew or shrank (an edit): keep the byte count honest. */
  resized(delta: number): void {
    this.bytes += delta;
  }

  clear(): void {
    this.byChannel.clear();
    this.bytes = 0;
  }

  private dropOldest(channel: string, entries: ChannelEntries): void {
    const oldest = entries.list.shift();
    if (oldest) {
      entries.bySerial.delete(oldest.serial);
      this.bytes -= oldest.size;
    }
    if (entries.list.length === 0) this.byChannel.delete(channel);
  }

  private dropChannel(): void {
    const [stalest, entries] = this.byChannel.entries().next().value as [string, ChannelEntries];
    for (const message of entries.list) this.bytes -= message.size;
    this.byChannel.delete(stalest);
  }
}

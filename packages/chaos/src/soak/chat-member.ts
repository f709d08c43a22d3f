import { ChatClient, type JsonObject, LogLevel, type Room } from '@ably/chat';
import * as Ably from 'ably';

export interface ChatMemberOptions {
  port: number;
  key: string;
  clientId: string;
  room: string;
  /**
   * Called for every enter or update this member observes that carries a soak timestamp it has not seen yet; `live`
   * when this observer stayed connected since the update was sent.
   */
  onLatency: (ms: number, kind: 'live' | 'after-own-outage') => void;
}

/**
 * A soak member on the real `ably` Realtime and `@ably/chat` ChatClient, with occupancy events on. It is also an
 * observer: for every enter or update it receives, the time since the sender stamped the data (`sentAt`, the same
 * clock: one process sends and receives) is a latency sample. A member's own re-entry with older data (after a failed
 * resume) carries a sequence number already seen, so it is not mistaken for a slow message.
 */
export class ChatMember {
  present = false;
  errors = 0;
  private readonly realtime: Ably.Realtime;
  private readonly chat: ChatClient;
  private room: Room | undefined;
  private readonly lastSeq = new Map<string, number>();
  /** When this member's connection last became connected: events sent before it came through its own outage. */
  private connectedSince = Number.POSITIVE_INFINITY;

  constructor(private readonly options: ChatMemberOptions) {
    this.realtime = new Ably.Realtime({
      key: options.key,
      endpoint: '127.0.0.1',
      port: options.port,
      tls: false,
      clientId: options.clientId,
      logLevel: 0,
    });
    this.chat = new ChatClient(this.realtime, { logLevel: LogLevel.Silent });
    // Registered at once: the SDK connects as soon as it is constructed.
    this.realtime.connection.on((change) => {
      if (change.current === 'connected') this.connectedSince = Date.now();
    });
  }

  get clientId(): string {
    return this.options.clientId;
  }

  get connectionId(): string | undefined {
    return this.realtime.connection.id;
  }

  get isConnected(): boolean {
    return this.realtime.connection.state === 'connected' && this.room?.status === 'attached';
  }

  /** Gets the room, subscribes and attaches; call again after a failed attach to attach again. */
  async open(): Promise<void> {
    if (this.room) {
      await this.room.attach();
      return;
    }
    const room = await this.chat.rooms.get(this.options.room, { occupancy: { enableEvents: true } });
    this.room = room;
    room.presence.subscribe((event) => {
      const data = event.member.data as { sentAt?: unknown; seq?: unknown } | undefined;
      if (typeof data?.seq !== 'number') return;
      // Every event marks its data as seen, SYNC's `present` included: a member the SDK re-enters after a failed
      // resume puts back data this observer may only have seen in a SYNC, minutes old, and that is no delivery.
      const last = this.lastSeq.get(event.member.clientId) ?? -1;
      if (data.seq <= last) return;
      this.lastSeq.set(event.member.clientId, data.seq);
      if ((event.type !== 'enter' && event.type !== 'update') || typeof data.sentAt !== 'number') return;
      // Sent before this observer's own reconnect: it arrived through a resume, so it measures the fault, not the
      // server. Counted apart.
      if (data.sentAt < this.connectedSince) this.options.onLatency(Date.now() - data.sentAt, 'after-own-outage');
      else this.options.onLatency(Date.now() - data.sentAt, 'live');
    });
    await room.attach();
  }

  /** Whether an update sent now goes straight out (a queued one would measure the sender's outage, not delivery). */
  get canSendNow(): boolean {
    return this.isConnected;
  }

  enter(data: JsonObject): void {
    this.present = true;
    this.room?.presence.enter(data).catch(() => this.errors++);
  }

  update(data: JsonObject): void {
    this.room?.presence.update(data).catch(() => this.errors++);
  }

  leave(): void {
    this.present = false;
    this.room?.presence.leave().catch(() => this.errors++);
  }

  async close(): Promise<void> {
    await this.chat.rooms.release(this.options.room).catch(() => {});
    this.realtime.close();
  }
}

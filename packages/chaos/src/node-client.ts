import { appendFileSync } from 'node:fs';
import { ChatClient, type JsonObject, LogLevel, type Room } from '@ably/chat';
import { animationFrameScheduler, RoomStore } from '@presence-kit/react/testing';
import * as Ably from 'ably';
import type { ChaosClient, PresenceIntent } from './chaos-client.js';
import { grownListeners, listenerCounts } from './listener-count.js';
import { dataText, type ObserverView } from './observer-view.js';
import type { TcpProxy } from './tcp-proxy.js';
import { CHAOS_ROOM, CHAOS_ROOM_OPTIONS, clientTimings } from './timings.js';
import type { TokenSource } from './token-source.js';

/** `CHAOS_TRACE=node-03` appends that client's ably-js log (level 4) to /tmp/chaos-trace-node-03.log, for debugging. */
function sdkLog(clientId: string): Pick<Ably.ClientOptions, 'logLevel' | 'logHandler'> {
  if (process.env.CHAOS_TRACE !== clientId) return { logLevel: 0 };
  const file = `/tmp/chaos-trace-${clientId}.log`;
  return { logLevel: 4, logHandler: (line: string) => appendFileSync(file, `${Date.now()} ${line.slice(0, 600)}\n`) };
}

/**
 * A Node participant: the real `ably` Realtime and `@ably/chat` ChatClient, with presence-kit's `RoomStore` bound to
 * the room exactly as the kit's provider binds it (store first, then attach; `connectionChanged` on every connect).
 * Its own presence goes straight through the SDK, one operation at a time towards the latest intent.
 */
export class NodeChaosClient implements ChaosClient {
  readonly kind = 'node' as const;
  intent: PresenceIntent = { present: false, data: {} };
  private readonly store = new RoomStore({
    scheduler: animationFrameScheduler,
    identity: () => ({ clientId: this.clientId, connectionId: this.realtime.connection.id }),
  });
  private readonly realtime: Ably.Realtime;
  private readonly chat: ChatClient;
  private room: Room | undefined;
  private unbind: (() => void) | undefined;
  private offConnection: (() => void) | undefined;
  private working = false;
  private failed = false;
  private readonly errors: string[] = [];
  /** Listener counts before the store was bound, and once bound and attached: leaks show as growth past them. */
  private listenersUnbound: Record<string, number> = {};
  private listenersBound: Record<string, number> = {};
  private sentPresent = false;
  /** Updates to fire all at once on the next run of the worker (a burst). */
  private burstData: JsonObject[] | undefined;

  constructor(
    readonly clientId: string,
    readonly proxy: TcpProxy,
    readonly tokens: TokenSource,
  ) {
    this.realtime = new Ably.Realtime({
      endpoint: '127.0.0.1',
      port: proxy.port,
      tls: false,
      clientId,
      authCallback: tokens.authCallback,
      ...sdkLog(clientId),
      ...clientTimings,
    });
    this.chat = new ChatClient(this.realtime, { logLevel: LogLevel.Silent });
  }

  async open(): Promise<void> {
    const room = await this.chat.rooms.get(CHAOS_ROOM, CHAOS_ROOM_OPTIONS);
    this.room = room;
    this.listenersUnbound = this.listenerCounts();
    this.unbind = this.store.bind(room);
    this.offConnection = this.chat.connection.onStatusChange((change) => {
      if (change.current === 'connected') this.store.connectionChanged();
    }).off;
    this.store.onError((error) => {
      // A failed presence.get() during a fault is expected; the store reads again on the next attach.
      if (error.code !== 80017 && error.code !== 80000 && error.code !== 90001) this.note(`store error ${error.code}`);
    });
    await room.attach();
    this.listenersBound = this.listenerCounts();
  }

  setPresence(intent: PresenceIntent): void {
    this.intent = intent;
    this.failed = false;
    this.kick();
  }

  burst(datas: JsonObject[]): void {
    const last = datas[datas.length - 1];
    if (!last) return;
    this.burstData = datas;
    this.setPresence({ present: true, data: last });
  }

  retryFailed(): void {
    if (this.working) return;
    if (this.failed) {
      this.failed = false;
      this.staleChecks = 0;
      this.kick();
      return;
    }
    // ably-js's automatic re-entry is not always right after a failed resume: it can put back older data (an update
    // queued meanwhile goes out before it) and re-enter a member that left (it compares its own-member record across
    // connections by msgSerial, so it ignores the new connection's echoes). The kit's usePresence corrects both
    // (PresenceController.watchSelf); an app on the plain SDK has to do the same, and so does this client. Two checks
    // in a row, so an echo that is merely on its way is not mistaken for a wrong member.
    const self = this.store.selfNow();
    const wrong = this.intent.present
      ? self !== undefined && dataText(self.data) !== dataText(this.intent.data)
      : self !== undefined && !this.sentPresent;
    this.staleChecks = wrong ? this.staleChecks + 1 : 0;
    if (this.staleChecks >= 2) {
      this.staleChecks = 0;
      this.staleCorrections++;
      this.sentPresent = true;
      this.kickWith(this.intent);
    }
  }

  /** Times this client corrected its member after the SDK's automatic re-entry got it wrong (see retryFailed). */
  staleCorrections = 0;
  private staleChecks = 0;

  async status() {
    return {
      connectionId: this.realtime.connection.id,
      connection: this.realtime.connection.state,
      room: this.room?.status ?? 'none',
    };
  }

  async snapshot() {
    return { ...(await this.status()), idle: !this.working, view: await this.view() };
  }

  async view(): Promise<ObserverView> {
    const snapshot = this.store.getSnapshot();
    return {
      members: snapshot.members.map((m) => ({
        clientId: m.clientId,
        connectionId: m.connectionId,
        data: dataText(m.data),
      })),
      people: snapshot.people.map((p) => p.clientId),
      connectionsPerPerson: Object.fromEntries(snapshot.people.map((p) => [p.clientId, p.connections.length])),
      others: snapshot.others.map((p) => p.clientId),
      self: snapshot.self.map((m) => m.key),
      occupancy: snapshot.hasOccupancy ? snapshot.occupancy : undefined,
      isSynced: snapshot.isSynced,
    };
  }

  async problems(): Promise<string[]> {
    const leaks = grownListeners(this.listenersBound, this.listenerCounts());
    return [...this.errors, ...leaks.map((line) => `${this.clientId}: SDK listeners grew during the run: ${line}`)];
  }

  /** Unbinds the store, checks that every listener it added went with it, then closes the client. */
  async close(): Promise<void> {
    this.unbind?.();
    this.offConnection?.();
    for (const line of grownListeners(this.listenersUnbound, this.listenerCounts())) {
      this.note(`listeners left behind after unbinding the store: ${line}`);
    }
    this.store.dispose();
    if (this.room) await this.chat.rooms.release(CHAOS_ROOM).catch(() => {});
    this.realtime.close();
    await new Promise<void>((resolve) => {
      const done = () => ['closed', 'failed'].includes(this.realtime.connection.state);
      if (done()) resolve();
      else this.realtime.connection.on((change) => change.current !== 'closing' && done() && resolve());
      setTimeout(resolve, 2_000).unref();
    });
  }

  private listenerCounts(): Record<string, number> {
    return listenerCounts({
      connection: this.realtime.connection,
      room: this.room,
      chatConnection: this.chat.connection,
    });
  }

  private note(problem: string): void {
    this.errors.push(`${this.clientId}: ${problem}`);
  }

  /** Sends `intent` once more even though it was sent already (the server lost it to a stale re-entry). */
  private kickWith(intent: PresenceIntent): void {
    this.intent = { ...intent };
    this.kick();
  }

  /** One operation at a time until the server has been told the latest intent; a failure waits for retryFailed(). */
  private kick(): void {
    if (this.working || !this.room) return;
    this.working = true;
    const room = this.room;
    void (async () => {
      try {
        let sent: PresenceIntent | undefined;
        while (sent !== this.intent) {
          const target = this.intent;
          const burst = this.burstData;
          this.burstData = undefined;
          if (burst && target.present && this.sentPresent) {
            // Every update goes out before the first ACK comes back; the SDK and server must keep their order.
            await Promise.all(burst.map((data) => room.presence.update(data)));
          } else if (!target.present) await room.presence.leave();
          else if (this.sentPresent) await room.presence.update(target.data);
          else await room.presence.enter(target.data);
          this.sentPresent = target.present;
          sent = target;
        }
      } catch {
        // Timeouts and NACKs during faults are expected; the quiet phase re-sends the intent.
        this.failed = true;
      } finally {
        this.working = false;
      }
    })();
  }
}

import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import type { ChannelService } from '../channels/channel-service.js';
import { Connection } from './connection.js';

/** Resume keys kept per connection: the newest and the one before it. */
const KEYS_KEPT = 2;

export interface ConnectionTimings {
  presenceLeaveDelayMs: number;
  connectionStateTtlMs: number;
}

/**
 * Every connection, live or waiting to be resumed. Owns the two timers that follow an abrupt drop:
 * members leave after `presenceLeaveDelayMs`; the connection is forgotten after `connectionStateTtlMs`.
 */
export class ConnectionRegistry {
  private readonly byId = new Map<string, Connection>();
  private readonly byKey = new Map<string, Connection>();

  constructor(
    private readonly channels: ChannelService,
    private readonly timings: ConnectionTimings,
  ) {}

  create(principal: Principal, echoMessages: boolean): Connection {
    const connection = new Connection(randomId(10), principal, echoMessages);
    this.byId.set(connection.id, connection);
    return connection;
  }

  /**
   * A fresh connectionKey. Keys never contain `:`; ids never either, since presence ids are split on it. Only the
   * newest two keys resume: the one before stays valid in case the CONNECTED that carried the new one was lost with
   * the transport, and older ones are forgotten, or a connection that resumed all day would hold every key it had.
   */
  issueKey(connection: Connection): string {
    const key = `${connection.id}!${randomId(12)}`;
    connection.keys.add(key);
    this.byKey.set(key, connection);
    for (const old of connection.keys) {
      if (connection.keys.size <= KEYS_KEPT) break;
      connection.keys.delete(old);
      this.byKey.delete(old);
    }
    return key;
  }

  findByKey(key: string): Connection | undefined {
    const connection = this.byKey.get(key);
    return connection && connection.state !== 'closed' ? connection : undefined;
  }

  get(id: string): Connection | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<Connection> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }

  /** The transport went away without CLOSE: keep state for a resume, start the leave and expiry timers. */
  dropped(connection: Connection): void {
    if (connection.state !== 'connected') return;
    connection.state = 'dropped';
    connection.transport = undefined;
    connection.droppedAt = Date.now();
    connection.leaveTimer = setTimeout(() => {
      connection.leaveTimer = undefined;
      this.channels.leaveAll(connection);
    }, this.timings.presenceLeaveDelayMs);
    connection.ttlTimer = setTimeout(() => this.discard(connection), this.timings.connectionStateTtlMs);
    connection.leaveTimer.unref();
    connection.ttlTimer.unref();
  }

  /** A resume arrived in time: stop the timers. Members that already left are re-entered by the SDK. */
  resumed(connection: Connection): void {
    connection.clearTimers();
    connection.state = 'connected';
    connection.droppedAt = undefined;
  }

  /** CLOSE, a fatal error, or expiry: members leave at once and every trace of the connection goes. */
  discard(connection: Connection): void {
    if (connection.state === 'closed') return;
    connection.clearTimers();
    connection.state = 'closed';
    connection.transport = undefined;
    this.channels.detachAll(connection);
    for (const key of connection.keys) this.byKey.delete(key);
    connection.keys.clear();
    this.byId.delete(connection.id);
  }

  /**
   * Forgets every connection without LEAVEs or detaches (a server restart that lost its state): sockets are cut,
   * timers stop, and resumes with the old keys fail with 80008. Reset the channels too, or their members linger.
   */
  reset(): void {
    for (const connection of this.byId.values()) {
      connection.clearTimers();
      connection.state = 'closed';
      connection.transport?.terminate();
      connection.transport = undefined;
      connection.attachments.clear();
      connection.keys.clear();
    }
    this.byId.clear();
    this.byKey.clear();
  }

  /** Forget a connection's resume keys without touching its members (simulates a server that lost state). */
  forgetKeys(connection: Connection): void {
    for (const key of connection.keys) this.byKey.delete(key);
    connection.keys.clear();
  }
}

export function randomId(length: number): string {
  // base64url has no ':' and matches [A-Za-z0-9_-], which SYNC and presence ids need.
  return randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64url')
    .slice(0, length);
}

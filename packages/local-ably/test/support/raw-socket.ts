import msgpack from '@ably/msgpack-js';
import { eventually } from '@presence-kit/test-support/eventually';
import WebSocket from 'ws';
import type { LocalAbly } from '../../src/index.js';
import type { ProtocolMessage } from '../../src/protocol/types.js';

export interface RawSocketOptions {
  format?: 'json' | 'msgpack';
  clientId?: string;
  /** Overrides the key (e.g. a wrong secret); `null` sends no credentials at all. */
  key?: string | null;
  resume?: string;
  /** Extra query params, verbatim. */
  query?: Record<string, string>;
  /** `false`: never answer WebSocket pings, as a half-open (dead) peer would not. Default true. */
  autoPong?: boolean;
}

/**
 * A bare WebSocket speaking Ably's protocol by hand: it sends whatever a test gives it (valid or not) and records
 * every frame the server sends back. Used for input the SDKs would never produce.
 */
export class RawSocket {
  readonly frames: ProtocolMessage[] = [];
  closeCode: number | undefined;
  private constructor(
    readonly ws: WebSocket,
    readonly format: 'json' | 'msgpack',
  ) {
    ws.on('message', (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
      const value = isBinary ? msgpack.decode(bytes) : JSON.parse(bytes.toString('utf8'));
      this.frames.push(value as ProtocolMessage);
    });
    ws.on('close', (code) => {
      this.closeCode = code;
    });
    ws.on('error', () => {});
  }

  static async open(server: LocalAbly, options: RawSocketOptions = {}): Promise<RawSocket> {
    const format = options.format ?? 'json';
    const query = new URLSearchParams({ format, v: '6', heartbeats: 'false', ...(options.query ?? {}) });
    if (options.key !== null) query.set('key', options.key ?? server.key);
    if (options.clientId) query.set('clientId', options.clientId);
    if (options.resume) query.set('resume', options.resume);
    const ws = new WebSocket(`ws://${server.host}:${server.port}/?${query}`, { autoPong: options.autoPong ?? true });
    const socket = new RawSocket(ws, format);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  /** Opens and waits for CONNECTED; returns the socket with its connectionId and key. */
  static async connect(
    server: LocalAbly,
    options: RawSocketOptions = {},
  ): Promise<RawSocket & { connectionId: string; connectionKey: string }> {
    const socket = await RawSocket.open(server, options);
    const connected = await socket.next((frame) => frame.action === 4);
    return Object.assign(socket, {
      connectionId: connected.connectionId ?? '',
      connectionKey: connected.connectionDetails?.connectionKey ?? '',
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a value encoded in the socket's format (or raw bytes/text as given). */
  send(value: unknown): void {
    if (!this.isOpen) return;
    if (typeof value === 'string' || Buffer.isBuffer(value)) {
      this.ws.send(value);
    } else if (this.format === 'msgpack') {
      this.ws.send(msgpack.encode(value));
    } else {
      this.ws.send(JSON.stringify(value));
    }
  }

  /** Waits for a frame (received since `from`, default: any) matching `match`. */
  async next(match: (frame: ProtocolMessage) => boolean, from = 0, timeoutMs = 5_000): Promise<ProtocolMessage> {
    return eventually(() => {
      const found = this.frames.slice(from).find(match);
      if (!found) throw new Error(`no matching frame; got ${JSON.stringify(this.frames.slice(from)).slice(0, 600)}`);
      return found;
    }, timeoutMs);
  }

  /** Sends ATTACH and waits for the ATTACHED (or channel ERROR). */
  async attach(channel: string, extra: Partial<ProtocolMessage> = {}): Promise<ProtocolMessage> {
    const from = this.frames.length;
    this.send({ action: 10, channel, ...extra });
    return this.next((frame) => (frame.action === 11 || frame.action === 9) && frame.channel === channel, from);
  }

  async waitClosed(timeoutMs = 5_000): Promise<number> {
    return eventually(() => {
      if (this.closeCode === undefined) throw new Error('socket still open');
      return this.closeCode;
    }, timeoutMs);
  }

  close(): void {
    this.ws.terminate();
  }
}

/**
 * The bench's event source: a bare WebSocket speaking Ably's JSON protocol to local-ably with an API key and no
 * clientId, so one connection may enter and update presence for any clientId. Frames are pipelined under a window of
 * unacknowledged messages: waiting for each ACK in turn would make the driver, not the page, the bottleneck.
 */
import WebSocket from 'ws';

/** ProtocolMessage actions the driver uses (Ably protocol v6). */
const Action = { ACK: 1, NACK: 2, CLOSE: 7, ERROR: 9, ATTACH: 10, ATTACHED: 11, PRESENCE: 14 } as const;

/** Presence actions on the wire. */
export const PresenceOp = { ENTER: 2, UPDATE: 4 } as const;
export type PresenceOpCode = (typeof PresenceOp)[keyof typeof PresenceOp];

/** One presence message as the driver sends it; `data` is JSON-encoded so the SDK decodes it to an object. */
export interface DriverPresence {
  action: PresenceOpCode;
  clientId: string;
  data: unknown;
}

interface InboundFrame {
  action: number;
  channel?: string;
  msgSerial?: number;
  count?: number;
  error?: { code?: number; message?: string };
}

/** Where the driver connects, and how many frames it keeps in flight. */
export interface PresenceDriverOptions {
  port: number;
  key: string;
  /** Most PRESENCE frames in flight before the driver waits for ACKs. */
  window?: number;
}

/**
 * A presence publisher for benchmarks: attach one channel, then send PRESENCE frames as fast as the window allows.
 *
 * @example
 * const driver = await PresenceDriver.connect({ port: server.port, key: server.key });
 * await driver.attach('bench-1::$chat');
 * await driver.sendFrames('bench-1::$chat', [[{ action: PresenceOp.ENTER, clientId: 'u0', data: { v: 0 } }]]);
 * await driver.close();
 */
export class PresenceDriver {
  private nextSerial = 0;
  private acked = -1;
  private readonly waiters = new Set<() => void>();
  private failure: Error | undefined;
  private attachedChannel: string | undefined;
  private readonly window: number;

  private constructor(
    private readonly socket: WebSocket,
    window: number,
  ) {
    this.window = window;
    socket.on('message', (raw) => this.onFrame(JSON.parse(raw.toString()) as InboundFrame));
    socket.on('close', () => this.fail(new Error('driver: the local-ably connection closed')));
    socket.on('error', (error) => this.fail(error));
  }

  /** Opens a key-authenticated JSON connection and waits for CONNECTED. */
  static async connect(options: PresenceDriverOptions): Promise<PresenceDriver> {
    const url = `ws://127.0.0.1:${options.port}/?key=${encodeURIComponent(options.key)}&format=json&v=6`;
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('message', (raw) => {
        const frame = JSON.parse(raw.toString()) as InboundFrame;
        if (frame.action === 4) resolve();
        else reject(new Error(`driver: expected CONNECTED, got ${raw.toString().slice(0, 200)}`));
      });
    });
    return new PresenceDriver(socket, options.window ?? 64);
  }

  /** Sends ATTACH and resolves on ATTACHED. */
  attach(channel: string): Promise<void> {
    this.attachedChannel = undefined;
    this.socket.send(JSON.stringify({ action: Action.ATTACH, channel }));
    return this.until(() => this.attachedChannel === channel);
  }

  /**
   * Sends each inner array as one PRESENCE frame, pipelined; resolves when every frame is ACKed.
   * `stamp` runs just before a frame is sent, so data can carry the send time. With `gapMs`, frames are paced
   * (a timer between frames) instead of sent as fast as the window allows.
   */
  async sendFrames(
    channel: string,
    frames: readonly (readonly DriverPresence[])[],
    stamp?: (presence: DriverPresence) => unknown,
    gapMs = 0,
  ): Promise<void> {
    for (const [index, frame] of frames.entries()) {
      if (gapMs > 0 && index > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      if (this.nextSerial - 1 - this.acked >= this.window) {
        const limit = this.nextSerial - this.window;
        await this.until(() => this.acked >= limit);
      }
      this.throwIfFailed();
      const presence = frame.map((item) => ({
        action: item.action,
        clientId: item.clientId,
        data: JSON.stringify(stamp ? stamp(item) : item.data),
        encoding: 'json',
      }));
      this.socket.send(JSON.stringify({ action: Action.PRESENCE, channel, msgSerial: this.nextSerial++, presence }));
    }
    const last = this.nextSerial - 1;
    await this.until(() => this.acked >= last);
  }

  /** Sends CLOSE so the server removes this connection's members at once (no drop timer), then closes. */
  async close(): Promise<void> {
    this.failure ??= new Error('driver: closed');
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.send(JSON.stringify({ action: Action.CLOSE }));
    const timer = setTimeout(() => this.socket.terminate(), 5_000);
    await closed;
    clearTimeout(timer);
  }

  private onFrame(frame: InboundFrame): void {
    if (frame.action === Action.ACK && frame.msgSerial !== undefined) {
      this.acked = Math.max(this.acked, frame.msgSerial + (frame.count ?? 1) - 1);
    } else if (frame.action === Action.ATTACHED && frame.channel) {
      this.attachedChannel = frame.channel;
    } else if (frame.action === Action.NACK || frame.action === Action.ERROR) {
      this.fail(new Error(`driver: server refused a frame: ${frame.error?.code} ${frame.error?.message}`));
    } else {
      return; // Presence echoes and heartbeats: nothing to wake up.
    }
    for (const wake of [...this.waiters]) wake();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const wake of [...this.waiters]) wake();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  private until(condition: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (condition()) {
          this.waiters.delete(check);
          resolve();
        } else if (this.failure) {
          this.waiters.delete(check);
          reject(this.failure);
        }
      };
      this.waiters.add(check);
      check();
    });
  }
}

import type { WebSocket } from 'ws';
import { Action } from '../protocol/actions.js';
import type { WireFormat } from '../protocol/codec.js';
import { OutboundFrame } from '../protocol/frame.js';
import type { ProtocolMessage } from '../protocol/types.js';

export interface TransportOptions {
  format: WireFormat;
  /** `heartbeats=true` clients (browsers) need HEARTBEAT frames; others get WebSocket pings. */
  heartbeats: boolean;
  keepAliveIntervalMs: number;
  /** Unsent bytes the socket may hold; past this the peer is not reading and the transport cuts itself off. */
  maxBufferedBytes?: number;
  /**
   * Silence (no frame, no pong) after which the peer counts as dead and the transport cuts itself off: the
   * `maxIdleInterval` the client was told plus a grace. `0` or absent: never.
   */
  idleTimeoutMs?: number;
  /** Called once when the transport cuts itself off, with a sentence saying why (for a log line). */
  onFailure?(reason: string): void;
}

/**
 * One WebSocket carrying one connection. Owns the keep-alive and the network faults a test can inject
 * (stall: stop reading and writing; delay: hold every outbound frame for a while).
 */
export class Transport {
  readonly format: WireFormat;
  private readonly keepAlive: NodeJS.Timeout | undefined;
  private readonly liveness: NodeJS.Timeout | undefined;
  private readonly maxBufferedBytes: number;
  private readonly onFailure: ((reason: string) => void) | undefined;
  /** When the peer was last heard from: any frame, ping or pong. */
  private lastHeard = Date.now();
  private stalled = false;
  private delayMs = 0;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    options: TransportOptions,
  ) {
    this.format = options.format;
    this.maxBufferedBytes = options.maxBufferedBytes ?? Number.POSITIVE_INFINITY;
    this.onFailure = options.onFailure;
    if (options.keepAliveIntervalMs > 0) {
      this.keepAlive = setInterval(() => this.sendKeepAlive(options.heartbeats), options.keepAliveIntervalMs);
      this.keepAlive.unref();
    }
    const idleTimeoutMs = options.idleTimeoutMs ?? 0;
    if (idleTimeoutMs > 0) {
      const heard = () => {
        this.lastHeard = Date.now();
      };
      socket.on('message', heard);
      socket.on('pong', heard);
      socket.on('ping', heard);
      this.liveness = setInterval(() => this.checkLiveness(idleTimeoutMs), Math.max(25, idleTimeoutMs / 5));
      this.liveness.unref();
    }
    // The peer closed the socket (or the network did): nothing is left to keep alive or watch. Without this, the
    // timers ran on until the idle timeout, which then blamed the connection (resumed meanwhile on a new socket) for
    // the old socket's silence, and kept the socket and its buffers alive that long.
    socket.once('close', () => {
      this.closed = true;
      this.stopTimers();
    });
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === this.socket.OPEN;
  }

  send(message: ProtocolMessage | OutboundFrame): void {
    if (!this.isOpen || this.stalled) return;
    const frame = message instanceof OutboundFrame ? message : new OutboundFrame(message);
    const bytes = frame.encoded(this.format);
    if (this.delayMs > 0) {
      setTimeout(() => this.write(bytes), this.delayMs).unref();
    } else {
      this.write(bytes);
    }
  }

  /** Sends a final message (if any) and closes the socket gracefully. */
  end(message?: ProtocolMessage): void {
    if (message) this.send(message);
    this.stopTimers();
    this.closed = true;
    if (this.delayMs > 0) {
      setTimeout(() => this.socket.close(1000), this.delayMs).unref();
    } else {
      this.socket.close(1000);
    }
  }

  /** Drops the socket without a close handshake, as a network failure would. */
  terminate(): void {
    this.stopTimers();
    this.closed = true;
    this.socket.terminate();
  }

  /** Stops reading and writing: the peer sees silence, as with a dead NAT mapping. */
  stall(): void {
    this.stalled = true;
    this.socket.pause();
  }

  setDelay(ms: number): void {
    this.delayMs = Math.max(0, ms);
  }

  /** Whether a stall fault froze this transport (for the developer panel). */
  get isStalled(): boolean {
    return this.stalled;
  }

  /** The outbound delay a fault set, in ms (0 when none). */
  get delay(): number {
    return this.delayMs;
  }

  private write(bytes: string | Buffer): void {
    if (this.socket.readyState !== this.socket.OPEN || this.stalled || this.closed) return;
    const unsent = this.socket.bufferedAmount;
    if (unsent + bytes.length > this.maxBufferedBytes) {
      this.fail(
        `the client stopped reading: ${unsent} bytes were waiting to be sent (maxBufferedBytes is ${this.maxBufferedBytes}). ` +
          'Its SDK reconnects and resumes once it reads again; raise maxBufferedBytes if the client is just slow',
      );
      return;
    }
    this.socket.send(bytes);
  }

  /**
   * A half-open peer (a sleeping laptop, a dead NAT mapping) never answers, and TCP would only notice after ~15 min.
   * Probe with a WebSocket ping once half the allowance has passed (every browser and the Node SDK answer with a
   * pong), and give up when the whole allowance has.
   */
  private checkLiveness(idleTimeoutMs: number): void {
    if (this.closed) return;
    const silentFor = Date.now() - this.lastHeard;
    if (silentFor > idleTimeoutMs) {
      this.fail(
        `the client was silent for ${silentFor} ms (no frame, no pong; the limit is maxIdleInterval + idleGraceMs = ${idleTimeoutMs} ms), so it counts as gone`,
      );
    } else if (silentFor > idleTimeoutMs / 2 && !this.stalled && this.socket.readyState === this.socket.OPEN) {
      this.socket.ping();
    }
  }

  /** Cuts the socket as a network failure would: the connection stays resumable and its members wait out the leave delay. */
  private fail(reason: string): void {
    if (this.closed) return;
    this.onFailure?.(reason);
    this.terminate();
  }

  private sendKeepAlive(heartbeats: boolean): void {
    if (!this.isOpen || this.stalled) return;
    if (heartbeats) {
      this.send({ action: Action.HEARTBEAT });
    } else {
      this.socket.ping();
    }
  }

  private stopTimers(): void {
    if (this.keepAlive) clearInterval(this.keepAlive);
    if (this.liveness) clearInterval(this.liveness);
  }
}

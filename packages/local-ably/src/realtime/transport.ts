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
}

/**
 * One WebSocket carrying one connection. Owns the keep-alive and the network faults a test can inject
 * (stall: stop reading and writing; delay: hold every outbound frame for a while).
 */
export class Transport {
  readonly format: WireFormat;
  private readonly keepAlive: NodeJS.Timeout | undefined;
  private stalled = false;
  private delayMs = 0;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    options: TransportOptions,
  ) {
    this.format = options.format;
    if (options.keepAliveIntervalMs > 0) {
      this.keepAlive = setInterval(() => this.sendKeepAlive(options.heartbeats), options.keepAliveIntervalMs);
      this.keepAlive.unref();
    }
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
    if (this.socket.readyState === this.socket.OPEN && !this.stalled) this.socket.send(bytes);
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
  }
}

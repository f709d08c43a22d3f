import { AblyError, ErrorCode } from './protocol/errors.js';
import type { ConnectionRegistry } from './realtime/connection-registry.js';

export interface DropOptions {
  /** Also forget the connection's resume keys, so the SDK's resume fails (80008) and it re-enters on a new connection. */
  loseState?: boolean;
}

/**
 * Network failures on demand, for tests, Storybook and the demo. Each acts on the server side of a connection,
 * so the unmodified SDK sees exactly what a real network problem would show it.
 */
export class FaultController {
  private refuseUntil = 0;

  constructor(private readonly connections: ConnectionRegistry) {}

  /** Cuts a connection's socket without a close handshake. The SDK resumes; presence survives unless the leave delay passes. */
  drop(connectionId: string, options: DropOptions = {}): void {
    const connection = this.require(connectionId);
    if (options.loseState) this.connections.forgetKeys(connection);
    const transport = connection.transport;
    this.connections.dropped(connection);
    transport?.terminate();
  }

  /** Stops reading from and writing to a connection; the SDK notices only through its idle timer. */
  stall(connectionId: string): void {
    this.require(connectionId).transport?.stall();
  }

  /** Holds every outbound frame of a connection for `ms` (0 to stop). */
  delay(connectionId: string, ms: number): void {
    this.require(connectionId).transport?.setDelay(ms);
  }

  /** Refuses new WebSocket connections (and resumes) for `ms`; the SDK sees a network failure and retries. */
  refuseConnections(ms: number): void {
    this.refuseUntil = Date.now() + Math.max(0, ms);
  }

  get refusing(): boolean {
    return Date.now() < this.refuseUntil;
  }

  private require(connectionId: string) {
    const connection = this.connections.get(connectionId);
    if (!connection) {
      throw new AblyError(ErrorCode.NotFound, 404, `No connection "${connectionId}" on this local-ably server`);
    }
    return connection;
  }
}

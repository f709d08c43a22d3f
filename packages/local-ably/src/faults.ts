import { AblyError, ErrorCode } from './protocol/errors.js';
import type { Connection } from './realtime/connection.js';
import type { ConnectionRegistry } from './realtime/connection-registry.js';

export interface DropOptions {
  /** Also forget the connection's resume keys, so the SDK's resume fails (80008) and it re-enters on a new connection. */
  loseState?: boolean;
}

export interface RestartOptions {
  /**
   * `true`: connections, channels and members survive, so every SDK resumes (its channels come back RESUMED).
   * `false`: everything is forgotten and channel serials start a new epoch, so resumes fail with 80008 and the SDKs
   * re-attach and re-enter their members on new connections.
   */
  keepState: boolean;
  /** How long the server refuses connections while "down". Default 500 ms. */
  downMs?: number;
}

/** Default downtime of a simulated restart: long enough that the SDK's immediate reconnect fails and it retries. */
export const DEFAULT_RESTART_DOWN_MS = 500;

/**
 * Network failures on demand, for tests, Storybook and the demo. Each acts on the server side of a connection,
 * so the unmodified SDK sees exactly what a real network problem would show it.
 *
 * @example
 * server.faults.drop(connectionId);                  // the SDK resumes, observers see no presence change
 * server.faults.restart({ keepState: false });       // resumes fail (80008); SDKs re-enter on new connections
 */
export class FaultController {
  private refuseUntil = 0;

  /** @param wipeState forgets channels, members and simulations; the server wires it, since it owns them all. */
  constructor(
    private readonly connections: ConnectionRegistry,
    private readonly wipeState: () => void = () => {},
  ) {}

  /** Cuts a connection's socket without a close handshake. The SDK resumes; presence survives unless the leave delay passes. */
  drop(connectionId: string, options: DropOptions = {}): void {
    const connection = this.require(connectionId);
    if (options.loseState) this.connections.forgetKeys(connection);
    this.cut(connection);
  }

  /** Stops reading from and writing to a connection; the SDK notices only through its idle timer. */
  stall(connectionId: string): void {
    this.require(connectionId).transport?.stall();
  }

  /** Holds every outbound frame of a connection for `ms` (0 to stop). Frames still arrive in order. */
  delay(connectionId: string, ms: number): void {
    this.require(connectionId).transport?.setDelay(ms);
  }

  /** Refuses new WebSocket connections (and resumes) for `ms`; the SDK sees a network failure and retries. */
  refuseConnections(ms: number): void {
    this.refuseUntil = Date.now() + Math.max(0, ms);
  }

  /**
   * Simulates a server restart on the same port: every socket is cut abruptly and new connections are refused for
   * `downMs`. With `keepState: false` all connections, channels, members and simulations are forgotten as well.
   */
  restart(options: RestartOptions): void {
    for (const connection of [...this.connections.values()]) this.cut(connection);
    if (!options.keepState) this.wipeState();
    this.refuseConnections(options.downMs ?? DEFAULT_RESTART_DOWN_MS);
  }

  get refusing(): boolean {
    return Date.now() < this.refuseUntil;
  }

  private cut(connection: Connection): void {
    const transport = connection.transport;
    // Mark it dropped before the socket closes, so the close handler sees a transport that is no longer current.
    this.connections.dropped(connection);
    transport?.terminate();
  }

  private require(connectionId: string): Connection {
    const connection = this.connections.get(connectionId);
    if (!connection) {
      throw new AblyError(
        ErrorCode.NotFound,
        404,
        `No connection "${connectionId}" on this local-ably server; list them with GET /local-ably/connections`,
      );
    }
    return connection;
  }
}

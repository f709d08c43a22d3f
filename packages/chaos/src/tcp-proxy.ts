import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of local-ably for one client, so the harness can break the network itself rather
 * than either end: `halfOpen()` keeps both sockets open but stops forwarding bytes in either direction, as a dead
 * NAT mapping or a sleeping laptop would. Neither the SDK nor the server gets a FIN or RST; each must notice the
 * silence on its own (the SDK through its idle timer, the server through its keep-alive liveness check).
 */
export class TcpProxy {
  private readonly pairs = new Set<{ client: Socket; upstream: Socket; frozen: boolean }>();
  private server: Server | undefined;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: () => number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Freezes every pair open right now: bytes stop flowing both ways, sockets stay open. Returns how many. */
  halfOpen(): number {
    let count = 0;
    for (const pair of this.pairs) {
      if (pair.frozen) continue;
      pair.frozen = true;
      pair.client.unpipe(pair.upstream);
      pair.upstream.unpipe(pair.client);
      // Keep reading and throw the bytes away, so each side's own close is still seen (and not passed on).
      for (const socket of [pair.client, pair.upstream]) {
        socket.on('data', () => {});
        socket.resume();
      }
      count++;
    }
    return count;
  }

  /** Connections held open without traffic (a half-open peer the ends have not given up on yet). */
  get frozenCount(): number {
    let count = 0;
    for (const pair of this.pairs) if (pair.frozen) count++;
    return count;
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    this.pairs.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    const upstream = connect(this.targetPort(), this.targetHost);
    const pair = { client, upstream, frozen: false };
    this.pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    // Healthy: a close on one side closes the other, as TCP would. Frozen: the other side is never told (that is
    // what half-open means); the pair is forgotten once both ends have given up on their own.
    const onClose = () => {
      if (pair.frozen && !(client.destroyed && upstream.destroyed)) return;
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('error', onClose);
      socket.on('close', onClose);
      socket.on('end', () => {
        if (pair.frozen) socket.destroy();
      });
    }
  }
}

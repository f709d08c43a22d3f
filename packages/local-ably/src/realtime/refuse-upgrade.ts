import type { Duplex } from 'node:stream';

/**
 * Answers a WebSocket upgrade request with a plain HTTP error and closes the socket. The body reaches whoever looks
 * (browser devtools, curl -i); the SDK only sees a failed connection.
 */
export function refuseUpgrade(socket: Duplex, status: 403, message: string): void {
  const body = Buffer.from(`${message}\n`, 'utf8');
  socket.end(
    `HTTP/1.1 ${status} Forbidden\r\n` +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${body.length}\r\n` +
      'Connection: close\r\n\r\n' +
      body.toString('utf8'),
  );
}

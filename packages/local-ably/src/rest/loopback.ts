import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { ADMIN_PREFIX } from './routes/admin-body.js';

/** Whether the TCP peer is on this machine. */
export function isLoopbackSocket(request: IncomingMessage): boolean {
  return isLoopbackAddress(request.socket.remoteAddress ?? '');
}

/**
 * Whether a `Host` header names this machine: `localhost`, `*.localhost`, 127.0.0.0/8 or `[::1]`, with any port.
 * A DNS-rebinding page reaches a loopback socket under its own name, so the socket address alone proves nothing.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return isLoopbackHostname(hostname);
}

/** Whether a browser `Origin` is a page served from this machine (Storybook, the demo, a dev server). */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname);
  } catch {
    return false;
  }
}

/** Admin routes live under one prefix; their CORS and Host rules differ from Ably's open REST routes. */
export function isAdminPath(pathname: string): boolean {
  return pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`);
}

function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  return isIP(bare) !== 0 && isLoopbackAddress(bare);
}

function isLoopbackAddress(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator, Credentials } from '../auth/authenticator.js';
import type { OriginGuard } from '../origin-guard.js';
import { decodeBody } from '../protocol/codec.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import { isLoopbackHost, isLoopbackOrigin, isLoopbackSocket } from './loopback.js';
import { corsHeaders, send, sendError, sendPreflight } from './respond.js';
import type { RestRequest, Router } from './router.js';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP side of local-ably: the Origin check, CORS preflight, auth, body parsing, routing, and Ably-style errors for
 * everything.
 */
export function createHttpHandler(router: Router, authenticator: Authenticator, origins: OriginGuard) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://local-ably');
    const cors = corsHeaders(request, origins);
    handle(router, authenticator, origins, request, response, url, cors).catch((error: unknown) => {
      if (!response.headersSent) sendError(request, response, url, AblyError.from(error), cors);
      else response.destroy();
    });
  };
}

async function handle(
  router: Router,
  authenticator: Authenticator,
  origins: OriginGuard,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  cors: Record<string, string>,
): Promise<void> {
  // The same rule as the WebSocket upgrade. A refused page gets no CORS headers, and it must not get side effects
  // either: a simple cross-site POST runs without a preflight (the dev key is public).
  const refusal = origins.refusal(request.headers.origin);
  if (refusal) throw new AblyError(ErrorCode.Forbidden, 403, refusal);
  if (request.method === 'OPTIONS') return sendPreflight(request, response, cors);
  const method = request.method ?? 'GET';
  let pathname: string;
  try {
    decodeURIComponent(url.pathname);
    pathname = url.pathname;
  } catch {
    throw new AblyError(ErrorCode.BadRequest, 400, 'Malformed percent-encoding in the request path');
  }
  const matched = router.match(method, pathname);
  if ('allowed' in matched) {
    if (matched.allowed.length > 0) {
      throw new AblyError(
        ErrorCode.MethodNotAllowed,
        405,
        `${method} is not allowed on ${pathname}; use ${matched.allowed.join(' or ')}`,
      );
    }
    throw new AblyError(ErrorCode.NotFound, 404, `No such endpoint on local-ably: ${method} ${pathname}`);
  }
  const { route, params } = matched;
  if (route.auth === 'local') assertLocalCaller(request);
  const principal =
    route.auth === 'key'
      ? authenticator.authenticate(restCredentials(request, url), clientIdHeader(request))
      : undefined;
  const body = method === 'POST' || method === 'PUT' ? await readBody(request) : undefined;
  const restRequest: RestRequest = { method, url, params, principal, body, raw: request };
  send(request, response, url, await route.handle(restRequest), cors);
}

function restCredentials(request: IncomingMessage, url: URL): Credentials {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    return { kind: 'key', key: Buffer.from(header.slice(6), 'base64').toString('utf8') };
  }
  if (header?.startsWith('Bearer ')) {
    const value = header.slice(7).trim();
    // ably-js base64-encodes tokens (JWTs included); curl users send them raw.
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const looksEncoded = /^[A-Za-z0-9+/]+=*$/.test(value) && Buffer.from(decoded, 'utf8').toString('base64') === value;
    return { kind: 'token', token: looksEncoded ? decoded : value };
  }
  const key = url.searchParams.get('key');
  if (key) return { kind: 'key', key };
  const token = url.searchParams.get('access_token');
  if (token) return { kind: 'token', token };
  throw new AblyError(
    ErrorCode.InvalidCredentials,
    401,
    'No credentials: send Authorization: Basic <base64 key> or Bearer <token>',
  );
}

function clientIdHeader(request: IncomingMessage): string | undefined {
  const header = request.headers['x-ably-clientid'];
  return typeof header === 'string' ? Buffer.from(header, 'base64').toString('utf8') : undefined;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new AblyError(ErrorCode.MaxMessageLengthExceeded, 413, `Request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return decodeBody(Buffer.concat(chunks), request.headers['content-type']);
}

/**
 * The admin API can restart the server and read every member, so it answers only this machine: a loopback peer, a
 * loopback `Host` (defeats DNS rebinding) and, from browsers, a loopback `Origin` (any other page is refused).
 */
function assertLocalCaller(request: IncomingMessage): void {
  const denied = (why: string) =>
    new AblyError(ErrorCode.Forbidden, 403, `The local-ably admin API answers this machine only: ${why}`);
  if (!isLoopbackSocket(request)) throw denied('the request came from another host');
  if (!isLoopbackHost(request.headers.host)) {
    throw denied(`Host "${request.headers.host ?? ''}" is not a loopback name; use localhost or 127.0.0.1`);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    throw denied(`pages from ${origin} may not call it; serve the page from localhost or 127.0.0.1`);
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OriginGuard } from '../origin-guard.js';
import { encodeBody, type WireFormat } from '../protocol/codec.js';
import type { AblyError } from '../protocol/errors.js';
import { isAdminPath, isLoopbackOrigin } from './loopback.js';

/** What a route returns; the responder turns it into bytes, headers, CORS and (if asked) an envelope. */
export interface RestResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

const CONTENT_TYPES: Record<WireFormat, string> = { json: 'application/json', msgpack: 'application/x-msgpack' };

/** The body format a REST client wants: msgpack when it accepts it (the Node SDK's default), else JSON. */
export function responseFormat(request: IncomingMessage, url: URL): WireFormat {
  const envelope = url.searchParams.get('envelope');
  if (envelope === 'msgpack') return 'msgpack';
  if (envelope === 'json') return 'json';
  return request.headers.accept?.includes('application/x-msgpack') ? 'msgpack' : 'json';
}

/** Writes a route's result; `cors` is {@link corsHeaders} for this request. */
export function send(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  result: RestResult,
  cors: Record<string, string>,
): void {
  const format = responseFormat(request, url);
  const status = result.status ?? 200;
  const headers = { ...cors, ...(result.headers ?? {}) };
  if (url.searchParams.has('envelope')) {
    // Browsers cannot read response headers cross-origin, so the SDK asks for them inside the body.
    const envelopeHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.headers ?? {})) envelopeHeaders[name.toLowerCase()] = value;
    write(response, 200, format, { statusCode: status, response: result.body, headers: envelopeHeaders }, cors);
    return;
  }
  if (status === 204) {
    response.writeHead(204, headers).end();
    return;
  }
  write(response, status, format, result.body, headers);
}

/** Ably error body. Content-Type must be exactly `application/json` (no charset) or ably-js ignores the body. */
export function sendError(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  error: AblyError,
  cors: Record<string, string>,
): void {
  const info = error.toErrorInfo();
  send(
    request,
    response,
    url,
    {
      status: error.statusCode,
      body: { error: info },
      headers: { 'X-Ably-ErrorCode': String(info.code), 'X-Ably-ErrorMessage': encodeURIComponent(info.message) },
    },
    cors,
  );
}

function write(
  response: ServerResponse,
  status: number,
  format: WireFormat,
  body: unknown,
  headers: Record<string, string>,
): void {
  const bytes = encodeBody(body, format);
  response.writeHead(status, {
    ...headers,
    'Content-Type': CONTENT_TYPES[format],
    'Content-Length': String(bytes.length),
  });
  response.end(bytes);
}

/**
 * Browsers send credentials with XHR when an Authorization header is set, so echo the exact Origin, for the pages the
 * {@link OriginGuard} allows (loopback pages and `allowedOrigins`). The admin API echoes loopback origins only, so no
 * other page can read it.
 */
export function corsHeaders(request: IncomingMessage, origins: OriginGuard): Record<string, string> {
  const origin = request.headers.origin;
  if (!origin || !origins.allows(origin)) return {};
  if (isAdminPath(new URL(request.url ?? '/', 'http://local-ably').pathname) && !isLoopbackOrigin(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'Link, X-Ably-ErrorCode, X-Ably-ErrorMessage, X-Ably-Serial',
    Vary: 'Origin',
  };
}

export function sendPreflight(request: IncomingMessage, response: ServerResponse, cors: Record<string, string>): void {
  response.writeHead(204, {
    ...cors,
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      request.headers['access-control-request-headers'] ??
      'authorization, content-type, accept, x-ably-version, ably-agent, x-ably-clientid',
    'Access-Control-Max-Age': '600',
  });
  response.end();
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CapabilitySpec } from '../auth/capability.js';
import { createJwt } from '../auth/jwt.js';
import { ErrorCode } from '../protocol/errors.js';
import { sendAblyError } from './json-response.js';
import { clientIdProblem, roomNameProblem } from './names.js';

/** What the token endpoint knows when it chooses a capability. */
export interface TokenCapabilityContext {
  /** The validated clientId the token is for. */
  readonly clientId: string;
  /** The validated `room` query parameter, when the browser sent one. */
  readonly room: string | undefined;
}

/** A fixed capability, or one chosen per request. */
export type TokenCapability = CapabilitySpec | ((context: TokenCapabilityContext) => CapabilitySpec);

export interface TokenEndpointOptions {
  /** The API key that signs tokens (local-ably's, or `ABLY_API_KEY` for Ably). */
  key: string;
  ttlMs: number;
  capability: TokenCapability;
}

const MAX_BODY_BYTES = 4_096;

/**
 * Handles one token request: `GET ?clientId=&room=` (or a POST of the same fields, as the SDK's `authMethod: 'POST'`
 * sends them) answered with an Ably JWT as `application/jwt`, which the SDK's `authUrl` accepts.
 */
export async function handleTokenRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: TokenEndpointOptions,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'POST') {
    sendAblyError(
      response,
      405,
      ErrorCode.MethodNotAllowed,
      `Use GET (or POST) for the token endpoint, not ${request.method}`,
    );
    return;
  }
  const params = new URL(request.url ?? '/', 'http://token.local').searchParams;
  if (request.method === 'POST') {
    const body = await readBody(request);
    if (body === undefined) {
      sendAblyError(response, 413, ErrorCode.BadRequest, `Token request body is over ${MAX_BODY_BYTES} bytes`);
      return;
    }
    for (const [name, value] of parseBody(body, request.headers['content-type'])) params.set(name, value);
  }
  const clientId = params.get('clientId');
  const clientProblem = clientIdProblem(clientId);
  if (clientProblem !== undefined || clientId === null) {
    sendAblyError(response, 400, ErrorCode.InvalidClientId, clientProblem ?? 'clientId is required');
    return;
  }
  const room = params.get('room') ?? undefined;
  const roomProblem = room === undefined ? undefined : roomNameProblem(room);
  if (roomProblem !== undefined) {
    sendAblyError(response, 400, ErrorCode.InvalidChannelName, roomProblem);
    return;
  }
  const capability =
    typeof options.capability === 'function' ? options.capability({ clientId, room }) : options.capability;
  const token = createJwt({ key: options.key, clientId, capability, ttlMs: options.ttlMs });
  response.writeHead(200, { 'content-type': 'application/jwt', 'cache-control': 'no-store' });
  response.end(token);
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Drain an oversized body rather than destroying the socket, so the 413 still reaches the caller.
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(body: string, contentType: string | undefined): Iterable<[string, string]> {
  if (contentType?.includes('application/json')) {
    try {
      const value: unknown = JSON.parse(body);
      if (typeof value !== 'object' || value === null) return [];
      return Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    } catch {
      return [];
    }
  }
  return new URLSearchParams(body);
}

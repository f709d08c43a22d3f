import { AblyError, ErrorCode } from '../protocol/errors.js';
import { isRecord } from '../protocol/validate.js';
import { mintToken } from './ably-token.js';
import { hmacSha256, safeEqual } from './base64url.js';
import type { Capability } from './capability.js';
import { grantCapability, parseCapability } from './capability-grant.js';
import { tokenRequestSignText } from './create-token-request.js';
import type { KeyStore } from './keys.js';

export const DEFAULT_TOKEN_TTL_MS = 60 * 60 * 1000;
export const MAX_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** How far a TokenRequest's timestamp may be from the server clock. */
export const TIMESTAMP_WINDOW_MS = 10 * 60 * 1000;
const MAX_REMEMBERED_NONCES = 100_000;

/** Ably TokenDetails as the SDK expects them (it recognises them by `issued`). */
export interface TokenDetails {
  token: string;
  keyName: string;
  issued: number;
  expires: number;
  capability: string;
  clientId?: string;
}

/**
 * Exchanges signed TokenRequests (`POST /keys/:keyName/requestToken`) for tokens: checks the MAC, the timestamp window
 * and nonce reuse, and grants the requested capability narrowed to the key's.
 */
export class TokenIssuer {
  /** nonce → when it may be forgotten (after the timestamp window it could not be replayed anyway). */
  private readonly nonces = new Map<string, number>();

  constructor(
    private readonly keys: KeyStore,
    private readonly keyCapability: (keyName: string) => Capability,
  ) {}

  issue(pathKeyName: string, body: unknown): TokenDetails {
    if (!isRecord(body)) throw new AblyError(ErrorCode.BadRequest, 400, 'TokenRequest body must be a JSON object');
    const keyName = stringField(body, 'keyName') ?? pathKeyName;
    const key = this.keys.get(keyName);
    if (!key || keyName !== pathKeyName) {
      throw new AblyError(
        ErrorCode.InvalidCredentials,
        401,
        `Invalid credentials: no key named "${pathKeyName}" on this server`,
      );
    }
    const timestamp = body.timestamp;
    const nonce = stringField(body, 'nonce');
    const mac = stringField(body, 'mac');
    if (typeof timestamp !== 'number' || !nonce || !mac) {
      throw new AblyError(
        ErrorCode.BadRequest,
        400,
        'TokenRequest needs timestamp (ms), nonce and mac; create it with auth.createTokenRequest()',
      );
    }
    const ttl = body.ttl === undefined || body.ttl === null || body.ttl === '' ? undefined : Number(body.ttl);
    const capabilityText = stringField(body, 'capability');
    const clientId = stringField(body, 'clientId');
    const signText = tokenRequestSignText({
      keyName,
      ttl: body.ttl,
      capability: capabilityText,
      clientId,
      timestamp,
      nonce,
    });
    if (!safeEqual(hmacSha256(signText, key.secret, 'base64'), mac)) {
      throw new AblyError(
        ErrorCode.InvalidCredentials,
        401,
        'Invalid credentials: the TokenRequest mac does not match (sign it with the key secret)',
      );
    }
    const now = Date.now();
    if (Math.abs(now - timestamp) > TIMESTAMP_WINDOW_MS) {
      throw new AblyError(
        ErrorCode.TimestampNotCurrent,
        401,
        'Timestamp not current: the TokenRequest is older than 10 minutes or from the future; create a fresh one',
      );
    }
    this.useNonce(`${keyName}:${nonce}`, now);
    if (clientId === '') {
      throw new AblyError(
        ErrorCode.InvalidClientId,
        400,
        'TokenRequest clientId must not be empty: omit it for an anonymous token, or use "*" for any',
      );
    }
    if (ttl !== undefined && (!Number.isFinite(ttl) || ttl <= 0)) {
      throw new AblyError(
        ErrorCode.InvalidParameterValue,
        400,
        `TokenRequest ttl must be a positive number of ms, got ${String(body.ttl)}`,
      );
    }
    const capability = grantCapability(
      capabilityText ? parseCapability(capabilityText, 'TokenRequest') : undefined,
      this.keyCapability(keyName),
    );
    const details: TokenDetails = {
      token: '',
      keyName,
      issued: now,
      expires: now + Math.min(ttl ?? DEFAULT_TOKEN_TTL_MS, MAX_TOKEN_TTL_MS),
      capability: capability.toJSON(),
    };
    if (clientId) details.clientId = clientId;
    details.token = mintToken(
      { keyName, clientId, capability: details.capability, issued: details.issued, expires: details.expires },
      key.secret,
    );
    return details;
  }

  private useNonce(nonce: string, now: number): void {
    for (const [known, forgetAt] of this.nonces) {
      if (forgetAt > now && this.nonces.size < MAX_REMEMBERED_NONCES) break;
      this.nonces.delete(known);
    }
    if (this.nonces.has(nonce)) {
      throw new AblyError(ErrorCode.NonceReplayed, 401, 'Nonce value replayed: every TokenRequest needs a fresh nonce');
    }
    this.nonces.set(nonce, now + 2 * TIMESTAMP_WINDOW_MS);
  }
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new AblyError(ErrorCode.BadRequest, 400, `TokenRequest ${name} must be a string`);
  return value;
}

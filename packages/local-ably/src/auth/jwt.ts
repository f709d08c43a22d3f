import { AblyError, ErrorCode } from '../protocol/errors.js';
import { base64url, hmacSha256, safeEqual } from './base64url.js';
import { type CapabilitySpec, canonicalCapability, FULL_CAPABILITY } from './capability.js';
import { parseKey } from './keys.js';

export interface CreateJwtOptions {
  /** The API key, `appId.keyId:secret`. */
  key: string;
  /** The clientId the token is for; `'*'` lets the holder choose any. Omit for an anonymous token. */
  clientId?: string;
  /** What the token may do. Default: everything the key may do. */
  capability?: CapabilitySpec;
  /** Lifetime in ms. Default 1 hour. (A negative value mints an already-expired token, for tests.) */
  ttlMs?: number;
  /**
   * More claims, e.g. user claims that Ably passes to other clients as `userClaim`:
   * `{ 'ably.room.lobby': '{"role":"moderator"}', 'ably.room.*': 'member' }`.
   */
  claims?: Record<string, string>;
}

/**
 * Mints an Ably JWT (HS256, `kid` = key name) for a clientId and capability, as an app's token endpoint would.
 * Works against local-ably and against Ably itself.
 *
 * @example
 * // In an authCallback or a token endpoint:
 * const token = createJwt({ key: process.env.ABLY_KEY!, clientId: user.id, capability: { 'doc-*': ['presence', 'subscribe'] } });
 */
export function createJwt(options: CreateJwtOptions): string {
  const key = parseKey(options.key);
  const issuedAt = Math.floor(Date.now() / 1000);
  const ttlSeconds = Math.round((options.ttlMs ?? 3_600_000) / 1000);
  const claims: Record<string, unknown> = {
    ...options.claims,
    iat: issuedAt,
    exp: issuedAt + ttlSeconds,
    'x-ably-capability': canonicalCapability(options.capability ?? FULL_CAPABILITY),
  };
  if (options.clientId !== undefined) claims['x-ably-clientId'] = options.clientId;
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: key.name }));
  const body = base64url(JSON.stringify(claims));
  return `${header}.${body}.${hmacSha256(`${header}.${body}`, key.secret, 'base64url')}`;
}

export interface DecodedJwt {
  keyName: string;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: string;
}

/** Splits and parses a JWT without trusting it. Throws 40144 for anything that is not a well-formed HS256 Ably JWT. */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalidJwt('it must have three dot-separated parts');
  const [headerPart = '', claimsPart = '', signature = ''] = parts;
  const header = parseSegment(headerPart, 'header');
  const claims = parseSegment(claimsPart, 'claims');
  if (header.alg !== 'HS256') throw invalidJwt(`alg must be HS256, got ${JSON.stringify(header.alg)}`);
  if (typeof header.kid !== 'string' || header.kid === '') throw invalidJwt('the header needs kid = the API key name');
  return { keyName: header.kid, claims, signingInput: `${headerPart}.${claimsPart}`, signature };
}

export function verifyJwtSignature(decoded: DecodedJwt, secret: string): boolean {
  return safeEqual(hmacSha256(decoded.signingInput, secret, 'base64url'), decoded.signature);
}

function parseSegment(segment: string, name: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw invalidJwt(`the ${name} is not base64url-encoded JSON`);
}

function invalidJwt(reason: string): AblyError {
  return new AblyError(ErrorCode.InvalidJwtFormat, 401, `Invalid JWT: ${reason}`);
}

import { AblyError, ErrorCode } from '../protocol/errors.js';
import { base64url, hmacSha256, safeEqual } from './base64url.js';

/** What a local-ably token stands for. Tokens are stateless: this payload, signed with the key's secret. */
export interface TokenClaims {
  keyName: string;
  clientId?: string;
  /** Canonical capability JSON string. */
  capability: string;
  issued: number;
  expires: number;
}

const PREFIX = 'la1';

/** Mints an opaque token string `la1.<payload>.<mac>`; the SDK never looks inside. */
export function mintToken(claims: TokenClaims, secret: string): string {
  const payload = base64url(JSON.stringify(claims));
  return `${PREFIX}.${payload}.${hmacSha256(`${PREFIX}.${payload}`, secret, 'base64url')}`;
}

export function isAblyToken(token: string): boolean {
  return token.startsWith(`${PREFIX}.`);
}

/** Reads a token's claims without trusting them (the caller checks the MAC with {@link verifyTokenMac}). */
export function readToken(token: string): { claims: TokenClaims; signingInput: string; mac: string } {
  const [prefix, payload = '', mac = '', extra] = token.split('.');
  if (prefix !== PREFIX || extra !== undefined || payload === '' || mac === '') throw unrecognised();
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    throw unrecognised();
  }
  if (
    typeof claims.keyName !== 'string' ||
    typeof claims.expires !== 'number' ||
    typeof claims.capability !== 'string'
  ) {
    throw unrecognised();
  }
  return { claims, signingInput: `${PREFIX}.${payload}`, mac };
}

export function verifyTokenMac(signingInput: string, mac: string, secret: string): boolean {
  return safeEqual(hmacSha256(signingInput, secret, 'base64url'), mac);
}

function unrecognised(): AblyError {
  return new AblyError(
    ErrorCode.TokenUnrecognised,
    401,
    'Token not recognised: it was not issued by this local-ably server',
  );
}

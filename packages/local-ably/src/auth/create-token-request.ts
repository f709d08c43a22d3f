import { randomBytes } from 'node:crypto';
import { hmacSha256 } from './base64url.js';
import { type CapabilitySpec, canonicalCapability } from './capability.js';
import { parseKey } from './keys.js';

/** A signed Ably TokenRequest, as `auth.createTokenRequest()` makes and an `authCallback` may return. */
export interface SignedTokenRequest {
  keyName: string;
  /** Requested lifetime in ms (the server's default is 1 hour, its maximum 24 hours). */
  ttl?: number;
  /** Canonical capability JSON string; `''` means "everything the key may do" (ably-js's TokenRequest type requires it). */
  capability: string;
  clientId?: string;
  /** ms since epoch; the server accepts it for ±10 minutes. */
  timestamp: number;
  /** Single use: the server rejects a replayed nonce with 40105. */
  nonce: string;
  /** base64 HMAC-SHA256 of {@link tokenRequestSignText} with the key secret. */
  mac: string;
}

export interface CreateTokenRequestOptions {
  /** The API key, `appId.keyId:secret`. */
  key: string;
  /** The clientId the token will be for; `'*'` lets the holder choose any. Omit for an anonymous token. */
  clientId?: string;
  /** What the token may do (narrowed to the key's capability by the server). Default: everything the key may do. */
  capability?: CapabilitySpec;
  /** Token lifetime in ms. Default: the server's (1 hour). */
  ttlMs?: number;
}

/**
 * The text a TokenRequest's mac signs: `keyName\nttl\ncapability\nclientId\ntimestamp\nnonce\n`, absent fields as
 * empty strings (ably-js's exact layout, so requests signed by the SDK and by local-ably verify the same way).
 */
export function tokenRequestSignText(fields: {
  keyName: string;
  ttl?: unknown;
  capability?: string;
  clientId?: string;
  timestamp: unknown;
  nonce: string;
}): string {
  const { keyName, ttl, capability, clientId, timestamp, nonce } = fields;
  return `${keyName}\n${ttl ?? ''}\n${capability ?? ''}\n${clientId ?? ''}\n${timestamp}\n${nonce}\n`;
}

/**
 * Creates a signed TokenRequest for a clientId and capability, as an app's token endpoint would, without an Ably
 * client. Return it from an `authCallback` (or serve it from an `authUrl`); the SDK exchanges it for a token at
 * `POST /keys/:keyName/requestToken`. Works against local-ably and against Ably itself.
 *
 * @example
 * authCallback: (_params, callback) =>
 *   callback(null, createTokenRequest({ key: process.env.ABLY_KEY!, clientId: 'alice', capability: { '[chat]*': ['*'] } })),
 */
export function createTokenRequest(options: CreateTokenRequestOptions): SignedTokenRequest {
  const key = parseKey(options.key);
  const request: Omit<SignedTokenRequest, 'mac'> = {
    keyName: key.name,
    capability: options.capability === undefined ? '' : canonicalCapability(options.capability),
    timestamp: Date.now(),
    // 16 random digits, the form ably-js uses.
    nonce: BigInt(`0x${randomBytes(8).toString('hex')}`)
      .toString()
      .padStart(16, '0')
      .slice(-16),
  };
  if (options.ttlMs !== undefined) request.ttl = options.ttlMs;
  if (options.clientId !== undefined) request.clientId = options.clientId;
  return { ...request, mac: hmacSha256(tokenRequestSignText(request), key.secret, 'base64') };
}

import { AblyError, ErrorCode } from '../protocol/errors.js';
import { isAblyToken, readToken, verifyTokenMac } from './ably-token.js';
import type { TokenVerifier } from './authenticator.js';
import { Capability } from './capability.js';
import { grantCapability, parseCapability } from './capability-grant.js';
import { decodeJwt, verifyJwtSignature } from './jwt.js';
import type { KeyStore } from './keys.js';
import type { Principal } from './principal.js';
import { readUserClaims } from './user-claims.js';

/**
 * Verifies the two token forms apps use: local-ably's own tokens (from signed TokenRequests) and Ably JWTs signed
 * with an API key. Both are checked statelessly against the configured keys.
 */
export class LocalTokenVerifier implements TokenVerifier {
  constructor(
    private readonly keys: KeyStore,
    private readonly keyCapability: (keyName: string) => Capability,
  ) {}

  verify(token: string): Principal {
    return isAblyToken(token) ? this.verifyAblyToken(token) : this.verifyJwt(token);
  }

  private verifyAblyToken(token: string): Principal {
    const { claims, signingInput, mac } = readToken(token);
    const key = this.keys.get(claims.keyName);
    if (!key || !verifyTokenMac(signingInput, mac, key.secret)) {
      throw new AblyError(
        ErrorCode.TokenUnrecognised,
        401,
        'Token not recognised: its signature does not match any key',
      );
    }
    checkExpiry(claims.expires);
    return {
      keyName: key.name,
      clientId: claims.clientId,
      capability: new Capability(parseCapability(claims.capability, 'Token')),
      method: 'token',
      expiresAt: claims.expires,
    };
  }

  private verifyJwt(token: string): Principal {
    const decoded = decodeJwt(token);
    const key = this.keys.get(decoded.keyName);
    if (!key || !verifyJwtSignature(decoded, key.secret)) {
      throw new AblyError(
        ErrorCode.InvalidCredentials,
        401,
        `Invalid JWT: the signature does not match key "${decoded.keyName}" (sign with that key's secret, kid = key name)`,
      );
    }
    const { claims } = decoded;
    if (typeof claims.exp !== 'number') {
      throw new AblyError(ErrorCode.InvalidJwtFormat, 401, 'Invalid JWT: exp (seconds since epoch) is required');
    }
    checkExpiry(claims.exp * 1000);
    const capabilityText = claims['x-ably-capability'];
    if (typeof capabilityText !== 'string') {
      throw new AblyError(ErrorCode.InvalidJwtFormat, 401, 'Invalid JWT: x-ably-capability must be a JSON string');
    }
    const clientId = claims['x-ably-clientId'];
    if (clientId !== undefined && (typeof clientId !== 'string' || clientId === '')) {
      throw new AblyError(ErrorCode.InvalidJwtFormat, 401, 'Invalid JWT: x-ably-clientId must be a non-empty string');
    }
    return {
      keyName: key.name,
      clientId,
      capability: grantCapability(parseCapability(capabilityText, 'JWT'), this.keyCapability(key.name)),
      method: 'token',
      expiresAt: claims.exp * 1000,
      userClaims: readUserClaims(claims),
    };
  }
}

function checkExpiry(expires: number): void {
  if (expires <= Date.now()) {
    throw new AblyError(
      ErrorCode.TokenExpired,
      401,
      'Token expired: get a new token (the SDK does this itself with authCallback or authUrl)',
    );
  }
}

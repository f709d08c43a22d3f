import { AblyError, ErrorCode } from '../protocol/errors.js';
import { Capability } from './capability.js';
import type { KeyStore } from './keys.js';
import type { Principal } from './principal.js';

/** What a client presented: a full API key, or a token string (Ably token or JWT). */
export type Credentials = { kind: 'key'; key: string } | { kind: 'token'; token: string };

/**
 * Turns credentials into a Principal. Key (basic) auth is built in; token auth is provided by a TokenVerifier
 * so that the token formats live in one place.
 */
export class Authenticator {
  constructor(
    private readonly keys: KeyStore,
    private readonly tokens?: TokenVerifier,
    private readonly keyCapability: (keyName: string) => Capability = () => Capability.full(),
  ) {}

  authenticate(credentials: Credentials, requestedClientId: string | undefined): Principal {
    if (credentials.kind === 'key') {
      const key = this.keys.verify(credentials.key);
      if (!key) {
        throw new AblyError(ErrorCode.InvalidCredentials, 401, 'Invalid credentials: unknown key name or wrong secret');
      }
      return {
        keyName: key.name,
        clientId: requestedClientId,
        capability: this.keyCapability(key.name),
        method: 'basic',
      };
    }
    if (!this.tokens) {
      throw new AblyError(
        ErrorCode.InvalidCredentials,
        401,
        'Token auth is not enabled on this local-ably server; connect with an API key',
      );
    }
    const principal = this.tokens.verify(credentials.token);
    if (requestedClientId !== undefined && principal.clientId !== '*' && principal.clientId !== requestedClientId) {
      // An anonymous token cannot take on an identity either: only the token's issuer may assign one.
      const tokenClientId =
        principal.clientId === undefined ? 'no clientId (issue it with one)' : `clientId "${principal.clientId}"`;
      throw new AblyError(
        ErrorCode.IncompatibleCredentials,
        401,
        `Incompatible credentials: clientId "${requestedClientId}" does not match the token, which has ${tokenClientId}`,
      );
    }
    if (principal.clientId === '*' && requestedClientId !== undefined) {
      return { ...principal, clientId: requestedClientId, wildcard: true };
    }
    return principal;
  }
}

export interface TokenVerifier {
  /** Returns the principal a token stands for, or throws an AblyError (4014x for token problems). */
  verify(token: string): Principal;
}

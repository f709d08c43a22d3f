import type { Capability } from './capability.js';
import type { UserClaim } from './user-claims.js';

/** Who a connection or REST request acts as, once authenticated. */
export interface Principal {
  keyName: string;
  /** The identified clientId; `'*'` for a wildcard token; undefined for an anonymous key connection. */
  clientId: string | undefined;
  capability: Capability;
  /** How the principal authenticated. Basic-auth failures must never carry 4014x token codes. */
  method: 'basic' | 'token';
  /** Token expiry (ms since epoch) for token auth. */
  expiresAt?: number;
  /**
   * Set when a wildcard (`*`) token connected with a clientId of its own: the connection is identified as that
   * clientId (its own presence and messages carry it), yet the token's issuer allowed any identity, so
   * `enterClient(other)` stays allowed (RSA7b / RTP15: the wildcard is the token's grant, not the connection's).
   */
  wildcard?: boolean;
  /** JWT user claims (`ably.room.*`, `ably.channel.*`), delivered to others as `extras.userClaim`. */
  userClaims?: readonly UserClaim[];
}

/**
 * Whether the principal may act as `clientId` (presence, published messages). Wildcard tokens and basic auth without a
 * clientId (a trusted server) may act as anyone; an anonymous token may not take on any identity.
 */
export function mayActAs(principal: Principal, clientId: string): boolean {
  if (principal.clientId === '*' || principal.wildcard === true || principal.clientId === clientId) return true;
  return principal.clientId === undefined && principal.method === 'basic';
}

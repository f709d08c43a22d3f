import type { Capability } from './capability.js';

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
}

/** Whether the principal may act as `clientId` in presence. Keys without a clientId and wildcard tokens may act as anyone. */
export function mayActAs(principal: Principal, clientId: string): boolean {
  return principal.clientId === undefined || principal.clientId === '*' || principal.clientId === clientId;
}

import type { Principal } from '../auth/principal.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';

/** Throws 40160 unless the caller may do `operation` on `channel`. */
export function requireCapability(principal: Principal | undefined, channel: string, operation: string): void {
  if (!principal?.capability.allows(channel, operation)) {
    throw new AblyError(
      ErrorCode.OperationNotPermitted,
      401,
      `Operation "${operation}" on channel "${channel}" is not permitted by the credentials' capability`,
    );
  }
}

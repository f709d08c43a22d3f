import { Action } from '../protocol/actions.js';
import { ErrorCode } from '../protocol/errors.js';
import type { Connection } from '../realtime/connection.js';

/** Ask for a new token this long before expiry (or at 80 % of a short token's life). */
const REAUTH_LEAD_MS = 30_000;

/**
 * Token lifetimes on live connections: shortly before a token expires the server sends AUTH so the SDK renews in
 * band; if it has not by expiry, DISCONNECTED 40142 makes it renew and resume (presence survives the resume).
 */
export class TokenExpiry {
  private readonly timers = new WeakMap<Connection, NodeJS.Timeout[]>();
  /** The expiry we last warned about, so a renewal that returns the same token does not trigger a storm of AUTHs. */
  private readonly warned = new WeakMap<Connection, number>();

  /** (Re)arms the timers for a connection's current principal. */
  track(connection: Connection): void {
    this.clear(connection);
    const expiresAt = connection.principal.expiresAt;
    if (expiresAt === undefined) return;
    const remaining = expiresAt - Date.now();
    const lead = Math.min(REAUTH_LEAD_MS, remaining * 0.2);
    // Timers for 1-24 h tokens outlive most connections; a WeakRef lets a discarded connection be collected meanwhile.
    const ref = new WeakRef(connection);
    const timers = [
      setTimeout(
        () => {
          const live = ref.deref();
          if (live) this.expire(live, expiresAt);
        },
        Math.max(0, remaining),
      ),
    ];
    if (this.warned.get(connection) !== expiresAt) {
      timers.push(
        setTimeout(
          () => {
            const live = ref.deref();
            if (!live) return;
            this.warned.set(live, expiresAt);
            this.requestReauth(live);
          },
          Math.max(0, remaining - lead),
        ),
      );
    }
    for (const timer of timers) timer.unref();
    this.timers.set(connection, timers);
  }

  /** Asks the SDK to re-authorize in band (it calls its authCallback and answers with AUTH). */
  requestReauth(connection: Connection): void {
    if (connection.state === 'connected') connection.send({ action: Action.AUTH });
  }

  clear(connection: Connection): void {
    for (const timer of this.timers.get(connection) ?? []) clearTimeout(timer);
    this.timers.delete(connection);
  }

  private expire(connection: Connection, expiresAt: number): void {
    // A renewal moved expiresAt on: nothing to do.
    if (connection.state !== 'connected' || connection.principal.expiresAt !== expiresAt) return;
    connection.transport?.end({
      action: Action.DISCONNECTED,
      error: { code: ErrorCode.TokenExpired, statusCode: 401, message: 'Token expired: renew it and resume' },
    });
  }
}

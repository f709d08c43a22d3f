import { createJwt } from '@presence-kit/local-ably';
import type * as Ably from 'ably';

/** A minted credential in the shape the SDK understands best: a JWT with its expiry, so it can renew ahead of time. */
export interface MintedToken {
  token: string;
  expires: number;
  issued: number;
  capability: string;
  clientId: string;
}

/**
 * The token endpoint of one client, as an app's server would run it: a JWT from `createJwt` per call. The harness
 * turns two knobs for faults: the next token's lifetime, and a delay before the next answer (a slow auth server),
 * which together make a token really expire on a live connection (DISCONNECTED 40142, renew, resume).
 */
export class TokenSource {
  calls = 0;
  private nextTtlMs: number | undefined;
  private nextDelayMs = 0;

  constructor(
    private readonly key: string,
    private readonly clientId: string,
    private readonly ttlMs: number,
  ) {}

  /** The next token lives only `ttlMs`, and the call after that answers only after `renewalDelayMs`. */
  expireSoon(ttlMs: number, renewalDelayMs: number): void {
    this.nextTtlMs = ttlMs;
    this.pendingRenewalDelay = renewalDelayMs;
  }

  private pendingRenewalDelay = 0;

  async mint(): Promise<MintedToken> {
    this.calls++;
    const delay = this.nextDelayMs;
    this.nextDelayMs = 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const ttlMs = this.nextTtlMs ?? this.ttlMs;
    if (this.nextTtlMs !== undefined) {
      this.nextTtlMs = undefined;
      this.nextDelayMs = this.pendingRenewalDelay;
    }
    const token = createJwt({ key: this.key, clientId: this.clientId, ttlMs });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number };
    return { token, expires: payload.exp * 1000, issued: Date.now(), capability: '', clientId: this.clientId };
  }

  /** An `authCallback` for `Ably.Realtime`. */
  readonly authCallback: NonNullable<Ably.ClientOptions['authCallback']> = (_params, callback) => {
    this.mint().then(
      (details) => callback(null, details as unknown as Ably.TokenDetails),
      (error: unknown) => callback(error as Ably.ErrorInfo, null),
    );
  };
}

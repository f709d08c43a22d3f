import { afterEach, describe, expect, it, vi } from 'vitest';
import { Authenticator, type TokenVerifier } from '../../src/auth/authenticator.js';
import { Capability } from '../../src/auth/capability.js';
import { KeyStore } from '../../src/auth/keys.js';
import { mayActAs, type Principal } from '../../src/auth/principal.js';
import { TokenExpiry } from '../../src/auth/token-expiry.js';
import { readUserClaims, userClaimFor, withUserClaim } from '../../src/auth/user-claims.js';
import { Action } from '../../src/protocol/actions.js';
import type { Connection } from '../../src/realtime/connection.js';
import { thrown } from '../support/thrown.js';

const principal = (extra: Partial<Principal>): Principal => ({
  keyName: 'app.key',
  clientId: undefined,
  capability: Capability.full(),
  method: 'token',
  ...extra,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('mayActAs', () => {
  it('lets a wildcard, its own clientId, or an anonymous basic-auth principal act; nobody else', () => {
    expect(mayActAs(principal({ clientId: '*' }), 'x')).toBe(true);
    expect(mayActAs(principal({ clientId: 'alice', wildcard: true }), 'x')).toBe(true);
    expect(mayActAs(principal({ clientId: 'alice' }), 'alice')).toBe(true);
    expect(mayActAs(principal({ clientId: 'alice' }), 'bob')).toBe(false);
    expect(mayActAs(principal({ clientId: 'alice', wildcard: false }), 'bob')).toBe(false);
    expect(mayActAs(principal({ method: 'basic' }), 'bob')).toBe(true);
    expect(mayActAs(principal({ method: 'token' }), 'bob')).toBe(false);
    expect(mayActAs(principal({ clientId: 'alice', method: 'basic' }), 'bob')).toBe(false);
  });
});

describe('Authenticator', () => {
  const keys = new KeyStore(['app.key:secret']);
  const fixed = (result: Principal): TokenVerifier => ({ verify: () => result });

  it('basic auth: a known key becomes a principal with the requested clientId and the key’s capability', () => {
    const capability = new Capability({ lobby: ['*'] });
    const auth = new Authenticator(keys, undefined, (name) => (name === 'app.key' ? capability : Capability.full()));
    expect(auth.authenticate({ kind: 'key', key: 'app.key:secret' }, 'alice')).toEqual({
      keyName: 'app.key',
      clientId: 'alice',
      capability,
      method: 'basic',
    });
    expect(
      new Authenticator(keys).authenticate({ kind: 'key', key: 'app.key:secret' }, undefined).capability.toJSON(),
    ).toBe(Capability.full().toJSON());
    const error = thrown(() => auth.authenticate({ kind: 'key', key: 'app.key:wrong' }, undefined));
    expect([error.code, error.statusCode, error.message]).toEqual([
      40101,
      401,
      'Invalid credentials: unknown key name or wrong secret',
    ]);
  });

  it('token auth needs a verifier', () => {
    const error = thrown(() => new Authenticator(keys).authenticate({ kind: 'token', token: 't' }, undefined));
    expect([error.code, error.statusCode, error.message]).toEqual([
      40101,
      401,
      'Token auth is not enabled on this local-ably server; connect with an API key',
    ]);
  });

  it('a token principal is returned as it is when no other clientId is asked for', () => {
    const alice = principal({ clientId: 'alice' });
    const auth = new Authenticator(keys, fixed(alice));
    expect(auth.authenticate({ kind: 'token', token: 't' }, undefined)).toBe(alice);
    expect(auth.authenticate({ kind: 'token', token: 't' }, 'alice')).toBe(alice);
  });

  it('a clientId that does not match the token is 40102, naming both', () => {
    const mismatch = thrown(() =>
      new Authenticator(keys, fixed(principal({ clientId: 'alice' }))).authenticate(
        { kind: 'token', token: 't' },
        'bob',
      ),
    );
    expect([mismatch.code, mismatch.statusCode, mismatch.message]).toEqual([
      40102,
      401,
      'Incompatible credentials: clientId "bob" does not match the token, which has clientId "alice"',
    ]);
    const anonymous = thrown(() =>
      new Authenticator(keys, fixed(principal({}))).authenticate({ kind: 'token', token: 't' }, 'bob'),
    );
    expect(anonymous.message).toBe(
      'Incompatible credentials: clientId "bob" does not match the token, which has no clientId (issue it with one)',
    );
  });

  it('a wildcard token takes the requested clientId and remembers the wildcard; without one it stays *', () => {
    const wildcard = principal({ clientId: '*' });
    const auth = new Authenticator(keys, fixed(wildcard));
    expect(auth.authenticate({ kind: 'token', token: 't' }, 'bob')).toEqual({
      ...wildcard,
      clientId: 'bob',
      wildcard: true,
    });
    expect(auth.authenticate({ kind: 'token', token: 't' }, undefined)).toBe(wildcard);
  });
});

describe('user claims', () => {
  it('reads ably.room.* and ably.channel.* string claims, ignoring everything else', () => {
    expect(
      readUserClaims({
        'ably.room.lobby': 'mod',
        'ably.channel.news:*': 'reader',
        'ably.room.': 'empty pattern',
        'ably.channel.': 'empty pattern',
        'ably.room.num': 5,
        'x-ably-clientId': 'alice',
        exp: 1,
      }),
    ).toEqual([
      { scope: 'room', pattern: 'lobby', value: 'mod' },
      { scope: 'channel', pattern: 'news:*', value: 'reader' },
    ]);
  });

  const claims = readUserClaims({
    'ably.room.*': 'any room',
    'ably.room.dms:*': 'dms',
    'ably.room.dms:alice': 'alice dm',
    'ably.channel.*': 'any channel',
    'ably.channel.news:*': 'news',
  });

  it('a room channel takes its room claim: exact name first, then the most specific pattern', () => {
    expect(userClaimFor(claims, 'dms:alice::$chat')).toBe('alice dm');
    expect(userClaimFor(claims, 'dms:bob::$chat')).toBe('dms');
    expect(userClaimFor(claims, 'lobby::$chat')).toBe('any room');
    // The order of the claims does not matter.
    expect(userClaimFor([...claims].reverse(), 'dms:bob::$chat')).toBe('dms');
  });

  it('other channels, and rooms without a room claim, take a channel claim', () => {
    expect(userClaimFor(claims, 'news:today')).toBe('news');
    expect(userClaimFor(claims, 'lobby')).toBe('any channel');
    const channelOnly = readUserClaims({ 'ably.channel.*': 'c' });
    expect(userClaimFor(channelOnly, 'lobby::$chat')).toBe('c');
    expect(userClaimFor(readUserClaims({ 'ably.room.lobby': 'r' }), 'lobby')).toBeUndefined();
    expect(userClaimFor(readUserClaims({ 'ably.room.lobby': 'r' }), 'hall::$chat')).toBeUndefined();
  });

  it('no claims means no claim', () => {
    expect(userClaimFor(undefined, 'lobby')).toBeUndefined();
    expect(userClaimFor([], 'lobby')).toBeUndefined();
  });

  it('withUserClaim drops a client-sent userClaim and sets the token’s', () => {
    expect(withUserClaim({ a: 1, userClaim: 'forged' }, undefined)).toStrictEqual({ a: 1 });
    expect(withUserClaim({ a: 1, userClaim: 'forged' }, 'real')).toStrictEqual({ a: 1, userClaim: 'real' });
    expect(withUserClaim(undefined, 'real')).toStrictEqual({ userClaim: 'real' });
    expect(withUserClaim(undefined, undefined)).toBeUndefined();
    expect(withUserClaim(null, undefined)).toBeNull();
    expect(withUserClaim(['x'], undefined)).toStrictEqual(['x']);
    expect(withUserClaim(['x'], 'real')).toStrictEqual({ userClaim: 'real' });
    expect(withUserClaim('text', 'real')).toStrictEqual({ userClaim: 'real' });
  });
});

describe('TokenExpiry', () => {
  /** A connection with just what TokenExpiry touches: its state, principal, frames sent, and how its transport ended. */
  function connection(expiresAt: number | undefined) {
    const sent: unknown[] = [];
    const ended: unknown[] = [];
    const conn = {
      state: 'connected',
      principal: principal({ expiresAt }),
      send: (frame: unknown) => sent.push(frame),
      transport: { end: (frame: unknown) => ended.push(frame) },
    };
    return { conn, asConnection: conn as unknown as Connection, sent, ended };
  }

  /** A connection whose token expires at 1 000 s, tracked, with the clock at its re-auth request (970 s). */
  function trackedToReauth() {
    vi.useFakeTimers({ now: 0 });
    const expiry = new TokenExpiry();
    const c = connection(1_000_000);
    expiry.track(c.asConnection);
    vi.advanceTimersByTime(970_000);
    expect(c.sent).toHaveLength(1);
    return { expiry, c };
  }

  it('asks for re-auth 30 s before a long token expires, then disconnects with 40142 at expiry', () => {
    vi.useFakeTimers({ now: 0 });
    const c = connection(600_000);
    new TokenExpiry().track(c.asConnection);
    vi.advanceTimersByTime(569_999);
    expect(c.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(c.sent).toEqual([{ action: Action.AUTH }]);
    vi.advanceTimersByTime(29_999);
    expect(c.ended).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(c.ended).toEqual([
      {
        action: Action.DISCONNECTED,
        error: { code: 40142, statusCode: 401, message: 'Token expired: renew it and resume' },
      },
    ]);
  });

  it('asks at 80 % of a short token’s life', () => {
    vi.useFakeTimers({ now: 0 });
    const c = connection(10_000);
    new TokenExpiry().track(c.asConnection);
    vi.advanceTimersByTime(7_999);
    expect(c.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(c.sent).toHaveLength(1);
  });

  it('does nothing for a token without expiry, and nothing after clear()', () => {
    vi.useFakeTimers({ now: 0 });
    const expiry = new TokenExpiry();
    const none = connection(undefined);
    expiry.track(none.asConnection);
    const cleared = connection(1_000);
    expiry.track(cleared.asConnection);
    expiry.clear(cleared.asConnection);
    vi.advanceTimersByTime(10_000);
    expect([none.sent, none.ended, cleared.sent, cleared.ended]).toEqual([[], [], [], []]);
  });

  it('re-tracking replaces the old timers; the same expiry is not warned about twice', () => {
    const { expiry, c } = trackedToReauth();
    // A renewal that returned the same token: tracked again, no second AUTH; still disconnected at expiry.
    expiry.track(c.asConnection);
    vi.advanceTimersByTime(29_999);
    expect(c.sent).toHaveLength(1);
    expect(c.ended).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(c.ended).toHaveLength(1);
  });

  it('a renewal to a later expiry moves both timers on, and the old expiry does nothing', () => {
    const { expiry, c } = trackedToReauth();
    c.conn.principal = principal({ expiresAt: 2_000_000 });
    expiry.track(c.asConnection);
    vi.advanceTimersByTime(30_000);
    expect(c.ended).toEqual([]);
    vi.advanceTimersByTime(969_999);
    expect(c.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(c.sent).toHaveLength(2);
    vi.advanceTimersByTime(30_000);
    expect(c.ended).toHaveLength(1);
  });

  it('an expiry that moved on without re-tracking, or a connection no longer connected, is left alone', () => {
    vi.useFakeTimers({ now: 0 });
    const expiry = new TokenExpiry();
    const moved = connection(1_000);
    expiry.track(moved.asConnection);
    moved.conn.principal = principal({ expiresAt: 5_000 });
    const gone = connection(1_000);
    expiry.track(gone.asConnection);
    gone.conn.state = 'disconnected';
    vi.advanceTimersByTime(1_000);
    expect([moved.ended, gone.ended, gone.sent]).toEqual([[], [], []]);
  });

  it('an already-expired token is cut at once', () => {
    vi.useFakeTimers({ now: 10_000 });
    const c = connection(5_000);
    new TokenExpiry().track(c.asConnection);
    vi.advanceTimersByTime(0);
    expect(c.ended).toHaveLength(1);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAblyToken, mintToken, readToken, verifyTokenMac } from '../../src/auth/ably-token.js';
import { base64url, hmacSha256, safeEqual } from '../../src/auth/base64url.js';
import { Capability } from '../../src/auth/capability.js';
import { createTokenRequest, tokenRequestSignText } from '../../src/auth/create-token-request.js';
import { createJwt, decodeJwt, verifyJwtSignature } from '../../src/auth/jwt.js';
import { KeyStore, parseKey } from '../../src/auth/keys.js';
import {
  DEFAULT_TOKEN_TTL_MS,
  MAX_TOKEN_TTL_MS,
  TIMESTAMP_WINDOW_MS,
  TokenIssuer,
} from '../../src/auth/token-request.js';
import { LocalTokenVerifier } from '../../src/auth/token-verifier.js';
import { AblyError } from '../../src/protocol/errors.js';
import { thrown } from '../support/thrown.js';

const KEY = 'app.key1:s3cret';
const OTHER_KEY = 'app.key2:other';

function expectError(action: () => unknown, code: number, statusCode: number, message: string | RegExp) {
  const error = thrown(action);
  expect(error).toBeInstanceOf(AblyError);
  expect({ code: error.code, statusCode: error.statusCode }).toEqual({ code, statusCode });
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('keys', () => {
  it('parseKey splits appId.keyId:secret at the first colon', () => {
    expect(parseKey('app.key:se:cret')).toEqual({ name: 'app.key', secret: 'se:cret' });
  });

  it.each([
    'app.key',
    'nocolon',
    ':secret',
    'app.key:',
    'appkey:secret',
    'a.b.c:secret',
    'a b.c:secret',
    'a.:s',
    '.b:s',
  ])('parseKey rejects %j with a TypeError naming the form', (key) => {
    expect(() => parseKey(key)).toThrow(
      new TypeError(`local-ably: key "${key}" is not of the form appId.keyId:secret`),
    );
  });

  it('KeyStore looks keys up by name and verifies full keys exactly', () => {
    const store = new KeyStore([KEY, OTHER_KEY]);
    expect(store.get('app.key1')).toEqual({ name: 'app.key1', secret: 's3cret' });
    expect(store.get('app.nope')).toBeUndefined();
    expect(store.first().name).toBe('app.key1');
    expect(store.verify(KEY)).toEqual({ name: 'app.key1', secret: 's3cret' });
    for (const wrong of [
      'app.key1:s3cre',
      'app.key1:s3cretx',
      'app.key1:S3cret',
      'app.nope:s3cret',
      ':s3cret',
      'app.key1',
    ]) {
      expect(store.verify(wrong), wrong).toBeUndefined();
    }
    expect(() => new KeyStore([]).first()).toThrow('local-ably: no keys configured');
  });

  it('safeEqual compares exactly, lengths included', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'ab')).toBe(false);
    expect(base64url('hi?')).toBe(Buffer.from('hi?').toString('base64url'));
    const mac = hmacSha256('text', 'k', 'base64');
    expect(Buffer.from(mac, 'base64')).toHaveLength(32);
    expect(hmacSha256('text', 'k', 'base64url')).toBe(Buffer.from(mac, 'base64').toString('base64url'));
  });
});

describe('local-ably tokens', () => {
  const claims = { keyName: 'app.key1', clientId: 'alice', capability: '{"*":["*"]}', issued: 1, expires: 2 };

  it('mints la1.<payload>.<mac> that reads back to the claims and verifies with the secret only', () => {
    const token = mintToken(claims, 's3cret');
    expect(token.split('.')).toHaveLength(3);
    expect(isAblyToken(token)).toBe(true);
    const read = readToken(token);
    expect(read.claims).toEqual(claims);
    expect(read.signingInput).toBe(token.split('.').slice(0, 2).join('.'));
    expect(verifyTokenMac(read.signingInput, read.mac, 's3cret')).toBe(true);
    expect(verifyTokenMac(read.signingInput, read.mac, 'other')).toBe(false);
    expect(verifyTokenMac(`${read.signingInput}x`, read.mac, 's3cret')).toBe(false);
  });

  it('only la1. tokens are local-ably tokens', () => {
    expect(isAblyToken('la1x.a.b')).toBe(false);
    expect(isAblyToken('eyJ.a.b')).toBe(false);
  });

  it('readToken rejects anything not shaped like one with 40143', () => {
    const token = mintToken(claims, 's3cret');
    const [, payload, mac] = token.split('.');
    const bad = (json: unknown) => `la1.${base64url(JSON.stringify(json))}.${mac}`;
    for (const text of [
      `la2.${payload}.${mac}`,
      `la1.${payload}`,
      `la1..${mac}`,
      `la1.${payload}.`,
      `${token}.extra`,
      `la1.${base64url('not json')}.${mac}`,
      bad({ ...claims, keyName: 1 }),
      bad({ ...claims, expires: '2' }),
      bad({ ...claims, capability: {} }),
    ]) {
      expectError(
        () => readToken(text),
        40143,
        401,
        'Token not recognised: it was not issued by this local-ably server',
      );
    }
  });
});

describe('JWTs', () => {
  it('createJwt makes an HS256 JWT with kid, iat/exp, canonical capability, clientId and extra claims', () => {
    vi.useFakeTimers({ now: 1_700_000_000_500 });
    const token = createJwt({
      key: KEY,
      clientId: 'alice',
      capability: { b: ['y', 'x'], a: ['z'] },
      ttlMs: 60_400,
      claims: { 'ably.room.lobby': 'mod' },
    });
    const decoded = decodeJwt(token);
    expect(decoded.keyName).toBe('app.key1');
    expect(decoded.claims).toEqual({
      'ably.room.lobby': 'mod',
      iat: 1_700_000_000,
      exp: 1_700_000_060,
      'x-ably-capability': '{"a":["z"],"b":["x","y"]}',
      'x-ably-clientId': 'alice',
    });
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({
      typ: 'JWT',
      alg: 'HS256',
      kid: 'app.key1',
    });
    expect(verifyJwtSignature(decoded, 's3cret')).toBe(true);
    expect(verifyJwtSignature(decoded, 'wrong')).toBe(false);
  });

  it('defaults to one hour, full capability and no clientId; extra claims cannot override the standard ones', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const decoded = decodeJwt(createJwt({ key: KEY, claims: { exp: '1', iat: '1' } }));
    expect(decoded.claims).toEqual({ iat: 1_700_000_000, exp: 1_700_003_600, 'x-ably-capability': '{"[*]*":["*"]}' });
    expect(decodeJwt(createJwt({ key: KEY, ttlMs: 1_500 })).claims.exp).toBe(1_700_000_002);
  });

  it('decodeJwt rejects malformed JWTs with 40144 saying what is wrong', () => {
    const enc = (value: unknown) => base64url(JSON.stringify(value));
    const body = enc({ exp: 1 });
    const cases: Array<[string, string]> = [
      ['a.b', 'it must have three dot-separated parts'],
      ['a.b.c.d', 'it must have three dot-separated parts'],
      [`${base64url('nope')}.${body}.sig`, 'the header is not base64url-encoded JSON'],
      [`${enc([1])}.${body}.sig`, 'the header is not base64url-encoded JSON'],
      [`${enc(null)}.${body}.sig`, 'the header is not base64url-encoded JSON'],
      [`${enc({ alg: 'HS256', kid: 'k' })}.${enc('str')}.sig`, 'the claims is not base64url-encoded JSON'],
      [`${enc({ alg: 'none', kid: 'k' })}.${body}.sig`, 'alg must be HS256, got "none"'],
      [`${enc({ kid: 'k' })}.${body}.sig`, 'alg must be HS256, got undefined'],
      [`${enc({ alg: 'HS256' })}.${body}.sig`, 'the header needs kid = the API key name'],
      [`${enc({ alg: 'HS256', kid: '' })}.${body}.sig`, 'the header needs kid = the API key name'],
      [`${enc({ alg: 'HS256', kid: 7 })}.${body}.sig`, 'the header needs kid = the API key name'],
    ];
    for (const [token, reason] of cases) expectError(() => decodeJwt(token), 40144, 401, `Invalid JWT: ${reason}`);
  });
});

describe('createTokenRequest and tokenRequestSignText', () => {
  it('signs keyName, ttl, capability, clientId, timestamp and nonce in ably-js’s layout', () => {
    expect(
      tokenRequestSignText({ keyName: 'k', ttl: 5, capability: 'c', clientId: 'id', timestamp: 9, nonce: 'n' }),
    ).toBe('k\n5\nc\nid\n9\nn\n');
    expect(tokenRequestSignText({ keyName: 'k', timestamp: 9, nonce: 'n' })).toBe('k\n\n\n\n9\nn\n');
  });

  it('creates a request with a 16-digit nonce, canonical capability and a mac of its fields', () => {
    vi.useFakeTimers({ now: 5_000 });
    const request = createTokenRequest({ key: KEY, clientId: 'alice', capability: { b: ['y', 'x'] }, ttlMs: 1_000 });
    expect(request).toMatchObject({
      keyName: 'app.key1',
      capability: '{"b":["x","y"]}',
      clientId: 'alice',
      ttl: 1_000,
      timestamp: 5_000,
    });
    expect(request.nonce).toMatch(/^\d{16}$/);
    expect(request.mac).toBe(hmacSha256(tokenRequestSignText(request), 's3cret', 'base64'));
    expect(createTokenRequest({ key: KEY }).nonce).not.toBe(request.nonce);
  });

  it('leaves out ttl and clientId when not given, and asks for the key’s capability with ""', () => {
    const request = createTokenRequest({ key: KEY });
    expect(request.capability).toBe('');
    expect('ttl' in request).toBe(false);
    expect('clientId' in request).toBe(false);
  });
});

describe('TokenIssuer', () => {
  const keyCapability = () => new Capability({ '*': ['*'] });
  const issuer = () => new TokenIssuer(new KeyStore([KEY, OTHER_KEY]), keyCapability);

  it('exchanges a signed request for TokenDetails whose token verifies as the same principal', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const request = createTokenRequest({
      key: KEY,
      clientId: 'alice',
      capability: { lobby: ['presence'] },
      ttlMs: 5_000,
    });
    const details = issuer().issue('app.key1', request);
    expect(details).toMatchObject({
      keyName: 'app.key1',
      issued: 1_000_000,
      expires: 1_005_000,
      capability: '{"lobby":["presence"]}',
      clientId: 'alice',
    });
    const principal = new LocalTokenVerifier(new KeyStore([KEY]), keyCapability).verify(details.token);
    expect(principal).toMatchObject({ keyName: 'app.key1', clientId: 'alice', method: 'token', expiresAt: 1_005_000 });
    expect(principal.capability.toJSON()).toBe('{"lobby":["presence"]}');
  });

  it('defaults to one hour, caps at 24 hours, and grants the key’s capability when none is asked for', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const plain = issuer().issue('app.key1', createTokenRequest({ key: KEY }));
    expect(plain.expires - plain.issued).toBe(DEFAULT_TOKEN_TTL_MS);
    expect(plain.capability).toBe('{"*":["*"]}');
    expect('clientId' in plain).toBe(false);
    const long = issuer().issue('app.key1', createTokenRequest({ key: KEY, ttlMs: MAX_TOKEN_TTL_MS + 1 }));
    expect(long.expires - long.issued).toBe(MAX_TOKEN_TTL_MS);
    const exact = issuer().issue('app.key1', createTokenRequest({ key: KEY, ttlMs: MAX_TOKEN_TTL_MS }));
    expect(exact.expires - exact.issued).toBe(MAX_TOKEN_TTL_MS);
  });

  it('accepts a ttl sent as a numeric string, and treats null or "" as no ttl', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const sign = (ttl: unknown) => {
      const request: Record<string, unknown> = { ...createTokenRequest({ key: KEY }), ttl };
      request.mac = hmacSha256(tokenRequestSignText(request as never), 's3cret', 'base64');
      return request;
    };
    const issue = issuer();
    expect(issue.issue('app.key1', sign('2000')).expires).toBe(1_002_000);
    expect(issue.issue('app.key1', sign(null)).expires).toBe(1_000_000 + DEFAULT_TOKEN_TTL_MS);
    expect(issue.issue('app.key1', sign('')).expires).toBe(1_000_000 + DEFAULT_TOKEN_TTL_MS);
    for (const ttl of [0, -5, 'abc', Number.POSITIVE_INFINITY]) {
      expectError(
        () => issue.issue('app.key1', sign(ttl)),
        40003,
        400,
        `TokenRequest ttl must be a positive number of ms, got ${String(ttl)}`,
      );
    }
  });

  it('treats null string fields as absent', () => {
    const request = createTokenRequest({ key: KEY });
    expect(issuer().issue('app.key1', { ...request, clientId: null, capability: null }).capability).toBe('{"*":["*"]}');
  });

  it('rejects a body that is not an object, or the wrong key', () => {
    expectError(() => issuer().issue('app.key1', 'x'), 40000, 400, 'TokenRequest body must be a JSON object');
    const request = createTokenRequest({ key: KEY });
    expectError(
      () => issuer().issue('app.key2', request),
      40101,
      401,
      'Invalid credentials: no key named "app.key2" on this server',
    );
    expectError(
      () => issuer().issue('app.nope', { ...request, keyName: 'app.nope' }),
      40101,
      401,
      'Invalid credentials: no key named "app.nope" on this server',
    );
    // Without keyName in the body the path's key name is used.
    const { keyName: _omitted, ...rest } = request;
    expect(issuer().issue('app.key1', rest).keyName).toBe('app.key1');
  });

  it('requires timestamp, nonce and mac, and string fields to be strings', () => {
    const request = createTokenRequest({ key: KEY });
    const message = 'TokenRequest needs timestamp (ms), nonce and mac; create it with auth.createTokenRequest()';
    expectError(() => issuer().issue('app.key1', { ...request, timestamp: '1' }), 40000, 400, message);
    expectError(() => issuer().issue('app.key1', { ...request, nonce: '' }), 40000, 400, message);
    expectError(() => issuer().issue('app.key1', { ...request, mac: undefined }), 40000, 400, message);
    expectError(
      () => issuer().issue('app.key1', { ...request, nonce: 5 }),
      40000,
      400,
      'TokenRequest nonce must be a string',
    );
  });

  it('rejects a wrong mac, a timestamp outside ±10 minutes, and a replayed nonce', () => {
    vi.useFakeTimers({ now: 100 * TIMESTAMP_WINDOW_MS });
    const issue = issuer();
    const request = createTokenRequest({ key: KEY });
    expectError(
      () => issue.issue('app.key1', { ...request, mac: `${request.mac}x` }),
      40101,
      401,
      'Invalid credentials: the TokenRequest mac does not match (sign it with the key secret)',
    );
    expectError(() => issue.issue('app.key1', { ...request, clientId: 'mallory' }), 40101, 401, /mac does not match/);
    issue.issue('app.key1', request);
    expectError(
      () => issue.issue('app.key1', request),
      40105,
      401,
      'Nonce value replayed: every TokenRequest needs a fresh nonce',
    );
    // The same nonce under another key is another nonce.
    const other = createTokenRequest({ key: OTHER_KEY });
    const sameNonce = { ...other, nonce: request.nonce };
    sameNonce.mac = hmacSha256(tokenRequestSignText(sameNonce), 'other', 'base64');
    expect(issue.issue('app.key2', sameNonce).keyName).toBe('app.key2');

    const now = Date.now();
    for (const offset of [TIMESTAMP_WINDOW_MS, -TIMESTAMP_WINDOW_MS]) {
      vi.setSystemTime(now - offset);
      const edge = createTokenRequest({ key: KEY });
      vi.setSystemTime(now);
      expect(issue.issue('app.key1', edge).issued).toBe(now);
    }
    for (const offset of [TIMESTAMP_WINDOW_MS + 1, -TIMESTAMP_WINDOW_MS - 1]) {
      vi.setSystemTime(now - offset);
      const stale = createTokenRequest({ key: KEY });
      vi.setSystemTime(now);
      expectError(
        () => issue.issue('app.key1', stale),
        40104,
        401,
        'Timestamp not current: the TokenRequest is older than 10 minutes or from the future; create a fresh one',
      );
    }
  });

  it('forgets a nonce once it could no longer be replayed', () => {
    vi.useFakeTimers({ now: 100 * TIMESTAMP_WINDOW_MS });
    const issue = issuer();
    const request = createTokenRequest({ key: KEY });
    issue.issue('app.key1', request);
    vi.setSystemTime(Date.now() + 2 * TIMESTAMP_WINDOW_MS + 1);
    // A fresh request with the old nonce (re-signed) is accepted again.
    const again = { ...createTokenRequest({ key: KEY }), nonce: request.nonce };
    again.mac = hmacSha256(tokenRequestSignText(again), 's3cret', 'base64');
    expect(issue.issue('app.key1', again).keyName).toBe('app.key1');
  });

  it('rejects an empty clientId, and grants only what the key allows', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    expectError(
      () => issuer().issue('app.key1', createTokenRequest({ key: KEY, clientId: '' })),
      40012,
      400,
      'TokenRequest clientId must not be empty: omit it for an anonymous token, or use "*" for any',
    );
    const narrow = new TokenIssuer(new KeyStore([KEY]), () => new Capability({ lobby: ['subscribe'] }));
    expect(narrow.issue('app.key1', createTokenRequest({ key: KEY, capability: { '*': ['*'] } })).capability).toBe(
      '{"lobby":["subscribe"]}',
    );
    const unparsable = { ...createTokenRequest({ key: KEY }), capability: 'nope' };
    unparsable.mac = hmacSha256(tokenRequestSignText(unparsable), 's3cret', 'base64');
    expectError(() => narrow.issue('app.key1', unparsable), 40000, 400, 'TokenRequest: capability is not valid JSON');
  });
});

describe('LocalTokenVerifier', () => {
  const keys = new KeyStore([KEY, OTHER_KEY]);
  const verifier = new LocalTokenVerifier(keys, (name) =>
    name === 'app.key2' ? new Capability({ lobby: ['*'] }) : new Capability({ '*': ['*'] }),
  );

  it('verifies a local-ably token and rejects one signed with another key’s secret, or expired', () => {
    vi.useFakeTimers({ now: 1_000 });
    const claims = { keyName: 'app.key1', capability: '{"*":["subscribe"]}', issued: 0, expires: 2_000 };
    const principal = verifier.verify(mintToken(claims, 's3cret'));
    expect(principal).toMatchObject({ keyName: 'app.key1', clientId: undefined, method: 'token', expiresAt: 2_000 });
    expect(principal.capability.toJSON()).toBe('{"*":["subscribe"]}');
    const notOurs = 'Token not recognised: its signature does not match any key';
    expectError(() => verifier.verify(mintToken(claims, 'other')), 40143, 401, notOurs);
    expectError(() => verifier.verify(mintToken({ ...claims, keyName: 'app.nope' }, 's3cret')), 40143, 401, notOurs);
    const expired = 'Token expired: get a new token (the SDK does this itself with authCallback or authUrl)';
    expectError(() => verifier.verify(mintToken({ ...claims, expires: 1_000 }, 's3cret')), 40142, 401, expired);
    expect(verifier.verify(mintToken({ ...claims, expires: 1_001 }, 's3cret')).expiresAt).toBe(1_001);
    expectError(
      () => verifier.verify(mintToken({ ...claims, capability: 'nope' }, 's3cret')),
      40000,
      400,
      'Token: capability is not valid JSON',
    );
  });

  it('verifies a JWT, narrowing its capability to the key’s and reading its user claims', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const token = createJwt({
      key: OTHER_KEY,
      clientId: 'bob',
      capability: { '*': ['presence'] },
      claims: { 'ably.room.lobby': 'mod' },
    });
    const principal = verifier.verify(token);
    expect(principal).toMatchObject({
      keyName: 'app.key2',
      clientId: 'bob',
      method: 'token',
      expiresAt: 1_700_003_600_000,
      userClaims: [{ scope: 'room', pattern: 'lobby', value: 'mod' }],
    });
    expect(principal.capability.toJSON()).toBe('{"lobby":["presence"]}');
  });

  it('rejects a JWT with a wrong signature, an unknown key, or bad claims', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const forged = createJwt({ key: 'app.key1:wrong' });
    expectError(
      () => verifier.verify(forged),
      40101,
      401,
      'Invalid JWT: the signature does not match key "app.key1" (sign with that key\'s secret, kid = key name)',
    );
    expectError(() => verifier.verify(createJwt({ key: 'app.nope:x' })), 40101, 401, /does not match key "app.nope"/);
    const sign = (claims: Record<string, unknown>) => {
      const header = base64url(JSON.stringify({ alg: 'HS256', kid: 'app.key1' }));
      const body = base64url(JSON.stringify(claims));
      return `${header}.${body}.${hmacSha256(`${header}.${body}`, 's3cret', 'base64url')}`;
    };
    const exp = 1_700_000_100;
    const capability = '{"*":["*"]}';
    expectError(
      () => verifier.verify(sign({ 'x-ably-capability': capability })),
      40144,
      401,
      'Invalid JWT: exp (seconds since epoch) is required',
    );
    expectError(
      () => verifier.verify(sign({ exp: 1_700_000_000, 'x-ably-capability': capability })),
      40142,
      401,
      /Token expired/,
    );
    expectError(
      () => verifier.verify(sign({ exp })),
      40144,
      401,
      'Invalid JWT: x-ably-capability must be a JSON string',
    );
    for (const clientId of ['', 5]) {
      expectError(
        () => verifier.verify(sign({ exp, 'x-ably-capability': capability, 'x-ably-clientId': clientId })),
        40144,
        401,
        'Invalid JWT: x-ably-clientId must be a non-empty string',
      );
    }
    expect(verifier.verify(sign({ exp, 'x-ably-capability': capability })).clientId).toBeUndefined();
    expectError(
      () => verifier.verify(sign({ exp, 'x-ably-capability': 'nope' })),
      40000,
      400,
      'JWT: capability is not valid JSON',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { Capability, canonicalCapability, FULL_CAPABILITY, matchResource } from '../../src/auth/capability.js';
import { grantCapability, parseCapability } from '../../src/auth/capability-grant.js';
import { AblyError } from '../../src/protocol/errors.js';
import { thrown } from '../support/thrown.js';

describe('matchResource: Ably resource patterns', () => {
  it.each([
    ['lobby', 'lobby', true],
    ['lobby', 'lobby2', false],
    ['*', 'anything', true],
    ['*', '[meta]x', false],
    ['[*]*', '[meta]x', true],
    ['[*]*', 'plain', true],
    ['[meta]*', '[meta]x', true],
    ['[meta]*', 'x', false],
    ['ns:*', 'ns:a', true],
    ['ns:*', 'ns:a:b', true],
    ['ns:*', 'ns', false],
    ['ns:*', 'other:a', false],
    ['a:*:c', 'a:b:c', true],
    ['a:*:c', 'a:b:d', false],
    ['a:*:c', 'a:b:x:c', false],
    ['a.b:*:c', 'aXb:q:c', false],
    ['a.b:*:c', 'ab:q:c', false],
    ['a.b:*:c', 'a.b:q:c', true],
    ['a:*:c', 'xa:b:c', false],
    ['a:*:c', 'a:b:cx', false],
    ['lobby*', 'lobbyist', false],
    ['[chat]*', '[chat]room', true],
  ] as const)('%s matches %s: %s', (resource, name, expected) => {
    expect(matchResource(resource, name)).toBe(expected);
  });
});

describe('Capability', () => {
  it('full() allows every operation on every channel, qualified ones included', () => {
    const full = Capability.full();
    expect(full.spec).toBe(FULL_CAPABILITY);
    expect(full.allows('[meta]x', 'subscribe')).toBe(true);
    expect(full.allowsAny('lobby')).toBe(true);
  });

  it('allows an operation only when listed (or `*`) on a matching resource', () => {
    const capability = new Capability({ lobby: ['subscribe'], 'ns:*': ['*'] });
    expect(capability.allows('lobby', 'subscribe')).toBe(true);
    expect(capability.allows('lobby', 'publish')).toBe(false);
    expect(capability.allows('ns:a', 'publish')).toBe(true);
    expect(capability.allows('other', 'subscribe')).toBe(false);
  });

  it('a chat room channel matches by its room name and by a [chat] resource, not by another room', () => {
    const byName = new Capability({ room: ['presence'] });
    expect(byName.allows('room::$chat', 'presence')).toBe(true);
    expect(byName.allows('room2::$chat', 'presence')).toBe(false);
    const qualified = new Capability({ '[chat]room': ['presence'] });
    expect(qualified.allows('room::$chat', 'presence')).toBe(true);
    expect(qualified.allows('room', 'presence')).toBe(false);
    const exact = new Capability({ 'room::$chat': ['presence'] });
    expect(exact.allows('room::$chat', 'presence')).toBe(true);
    expect(new Capability({ '[chat]*': ['*'] }).allowsAny('room::$chat')).toBe(true);
    // Only the `::$chat` suffix makes a room channel.
    expect(new Capability({ room: ['*'] }).allows('room::$chatter', 'presence')).toBe(false);
  });

  it('allowsAny needs at least one operation on a matching resource', () => {
    expect(new Capability({ lobby: [] }).allowsAny('lobby')).toBe(false);
    expect(new Capability({ lobby: ['history'] }).allowsAny('lobby')).toBe(true);
    expect(new Capability({ lobby: ['history'] }).allowsAny('hall')).toBe(false);
    // One matching resource is enough.
    expect(new Capability({ lobby: ['history'], hall: ['*'] }).allowsAny('lobby')).toBe(true);
  });

  it('toJSON and canonicalCapability sort resources and operations', () => {
    const spec = { b: ['subscribe', 'presence'], a: ['publish'] };
    expect(canonicalCapability(spec)).toBe('{"a":["publish"],"b":["presence","subscribe"]}');
    expect(new Capability(spec).toJSON()).toBe('{"a":["publish"],"b":["presence","subscribe"]}');
    // It does not reorder the caller's arrays.
    expect(spec.b).toEqual(['subscribe', 'presence']);
  });
});

describe('parseCapability', () => {
  it('parses a JSON object of resource to operation names', () => {
    expect(parseCapability('{"a":["x","y"],"b":[]}', 'JWT')).toEqual({ a: ['x', 'y'], b: [] });
  });

  it.each([
    ['not json', 'JWT: capability is not valid JSON'],
    ['[]', 'JWT: capability must be a JSON object of resource → operations'],
    ['null', 'JWT: capability must be a JSON object of resource → operations'],
    ['"text"', 'JWT: capability must be a JSON object of resource → operations'],
    ['{"a":"x"}', 'JWT: capability for "a" must be an array of operation names'],
    ['{"a":["x",1]}', 'JWT: capability for "a" must be an array of operation names'],
  ])('rejects %s with 40000', (text, message) => {
    const error = thrown(() => parseCapability(text, 'JWT'));
    expect(error).toBeInstanceOf(AblyError);
    expect(error.code).toBe(40000);
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe(message);
  });
});

describe('grantCapability: the requested capability narrowed to the key’s', () => {
  const spec = (capability: Capability) => JSON.parse(capability.toJSON()) as Record<string, string[]>;

  it('nothing requested is the key’s capability itself', () => {
    const key = new Capability({ a: ['*'] });
    expect(grantCapability(undefined, key)).toBe(key);
  });

  it('resources meet at the narrower pattern, operations as sets with `*` for all', () => {
    const key = new Capability({ '*': ['publish', 'subscribe'], 'ns:*': ['*'] });
    expect(spec(grantCapability({ lobby: ['*'] }, key))).toEqual({ lobby: ['publish', 'subscribe'] });
    // `*` also covers `ns:*`, where the key allows everything: that part of the request is kept whole.
    expect(spec(grantCapability({ '*': ['subscribe', 'history'] }, key))).toEqual({
      '*': ['subscribe'],
      'ns:*': ['history', 'subscribe'],
    });
    expect(spec(grantCapability({ 'ns:a': ['presence'] }, key))).toEqual({ 'ns:a': ['presence'] });
    expect(spec(grantCapability({ 'ns:*': ['*'] }, key))).toEqual({
      'ns:*': ['*', 'publish', 'subscribe'].sort(),
    });
  });

  it('a wider request meets a narrower key at the key’s resource', () => {
    const key = new Capability({ lobby: ['subscribe'] });
    expect(spec(grantCapability({ '*': ['*'] }, key))).toEqual({ lobby: ['subscribe'] });
  });

  it('operations of several key resources that meet one requested resource are merged', () => {
    const key = new Capability({ '*': ['subscribe'], lobby: ['publish'] });
    expect(spec(grantCapability({ lobby: ['*'] }, key))).toEqual({ lobby: ['publish', 'subscribe'] });
  });

  it('a [chat] request is covered by a key for unqualified channels', () => {
    const key = new Capability({ '*': ['*'] });
    expect(spec(grantCapability({ '[chat]*': ['presence'] }, key))).toEqual({ '[chat]*': ['presence'] });
    expect(spec(grantCapability({ '[chat]room': ['presence'] }, new Capability({ 'room::$chat': ['*'] })))).toEqual({
      '[chat]room': ['presence'],
    });
  });

  it('resources that do not overlap, or share no operation, are dropped; nothing left is 40160', () => {
    const key = new Capability({ lobby: ['subscribe'], hall: ['publish'] });
    expect(spec(grantCapability({ lobby: ['subscribe'], hall: ['subscribe'], other: ['*'] }, key))).toEqual({
      lobby: ['subscribe'],
    });
    const error = thrown(() => grantCapability({ hall: ['subscribe'] }, key));
    expect(error.code).toBe(40160);
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe(
      'Requested capability {"hall":["subscribe"]} shares nothing with the key\'s capability {"hall":["publish"],"lobby":["subscribe"]}',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { dataSize } from '../../src/presence/data-size.js';
import { AblyError } from '../../src/protocol/errors.js';

/** An array nested `depth` levels deep around `leaf`. */
function nested(depth: number, leaf: unknown = 'leaf'): unknown {
  let value: unknown = leaf;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

describe('dataSize', () => {
  it('counts nothing for absent data, UTF-8 bytes for strings, bytes for binary, JSON bytes for the rest', () => {
    expect(dataSize(undefined)).toBe(0);
    expect(dataSize(null)).toBe(0);
    expect(dataSize('')).toBe(0);
    expect(dataSize('héllo')).toBe(6);
    expect(dataSize(new Uint8Array(7))).toBe(7);
    expect(dataSize({ a: 'é' })).toBe(JSON.stringify({ a: 'é' }).length + 1);
    expect(dataSize(12)).toBe(2);
    expect(dataSize(false)).toBe(5);
    expect(dataSize({ bytes: new Uint8Array(3) })).toBe(
      Buffer.byteLength(JSON.stringify({ bytes: new Uint8Array(3) })),
    );
  });

  it('null inside objects and arrays is plain JSON', () => {
    const value = { a: null, b: [null, { c: null }] };
    expect(dataSize(value)).toBe(JSON.stringify(value).length);
  });

  it('counts values JSON cannot represent as 0 bytes', () => {
    expect(dataSize(() => 1)).toBe(0);
  });

  it('accepts 64 levels of nesting and rejects 65 with 40013 saying what to do', () => {
    expect(dataSize(nested(64))).toBe(JSON.stringify(nested(64)).length);
    expect(dataSize({ deep: nested(63) })).toBeGreaterThan(0);
    const error = (() => {
      try {
        dataSize(nested(65));
      } catch (caught) {
        return caught;
      }
    })() as AblyError;
    expect(error).toBeInstanceOf(AblyError);
    expect(error.code).toBe(40013);
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe(
      'Message data is nested more than 64 levels deep; flatten it or send it as a JSON string',
    );
    expect(() => dataSize({ deep: nested(64) })).toThrow(/nested more than 64/);
  });

  it('stops counting depth at the first branch past the cap, even with shallow siblings after it', () => {
    expect(() => dataSize([nested(70), 'shallow'])).toThrow(/nested more than 64/);
    expect(() => dataSize(['shallow', nested(70)])).toThrow(/nested more than 64/);
  });

  it('binary data nested in an object does not count as depth', () => {
    expect(dataSize(nested(64, new Uint8Array([1, 2])))).toBeGreaterThan(0);
  });

  it('rejects data JSON cannot encode with 40013 that names the reason', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    // The depth check stops the walk of a cycle first; a BigInt fails in JSON.stringify itself.
    expect(() => dataSize(cyclic)).toThrow(/nested more than 64/);
    const error = (() => {
      try {
        dataSize({ big: 1n });
      } catch (caught) {
        return caught;
      }
    })() as AblyError;
    expect(error.code).toBe(40013);
    expect(error.statusCode).toBe(400);
    expect(error.message).toMatch(/^Message data cannot be encoded: .*BigInt/);
  });
});

import { describe, expect, it } from 'vitest';
import { safeText } from '../src/internal/safe-text.js';
import { safeImageUrl } from '../src/internal/safe-url.js';
import { defaultPresenceAccessor, toPersonSummary } from '../src/person-summary.js';
import { HOSTILE_PRESENCE_DATA } from './support/hostile-corpus.js';

describe('safeImageUrl', () => {
  it.each([
    ['https://example.com/a.png', 'https://example.com/a.png'],
    ['http://example.com/a.png', 'http://example.com/a.png'],
    ['blob:https://example.com/1234', 'blob:https://example.com/1234'],
    ['data:image/png;base64,AAAA', 'data:image/png;base64,AAAA'],
    ['data:image/svg+xml,<svg/>', 'data:image/svg+xml,<svg/>'],
  ])('keeps %s', (input, expected) => {
    expect(safeImageUrl(input)).toBe(expected);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['mixed-case javascript: with spaces', '  JaVaScRiPt:alert(1)'],
    ['javascript: split by a newline', 'java\nscript:alert(1)'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['data:text/html', 'data:text/html,<script>alert(1)</script>'],
    ['data:application/javascript', 'data:application/javascript,alert(1)'],
    ['a relative path', '/relative/path.png'],
    ['a protocol-relative URL', '//example.com/protocol-relative.png'],
    ['file:', 'file:///etc/passwd'],
    ['a 5,000-character URL', `https://example.com/${'a'.repeat(5000)}`],
    ['a 200 kB data URL', `data:image/png;base64,${'A'.repeat(200_000)}`],
    ['an empty string', ''],
  ])('drops %s', (_label, input) => {
    expect(safeImageUrl(input)).toBeUndefined();
  });

  it('drops values that are not strings', () => {
    for (const value of [42, null, undefined, {}, ['https://a.b/c.png'], { toString: () => 'https://a.b' }]) {
      expect(safeImageUrl(value)).toBeUndefined();
    }
  });
});

describe('safeText', () => {
  it('strips bidi overrides and isolates, so text cannot reorder what follows', () => {
    expect(safeText('Mallory \u202Egnp.exe\u202C', 64)).toBe('Mallory gnp.exe');
    expect(safeText('\u2067away\u2069', 32)).toBe('away');
    expect(safeText('a\u200Fb\u200Ec\u061Cd', 32)).toBe('abcd');
  });

  it('makes one line of control characters and whitespace runs', () => {
    expect(safeText('line one\nline two\r\n\tthree\u0000', 64)).toBe('line one line two three');
  });

  it('truncates by grapheme cluster with an ellipsis, never splitting an emoji', () => {
    const family = '👩‍👩‍👧‍👦';
    expect(safeText(family.repeat(10), 4)).toBe(`${family.repeat(3)}…`);
    expect(safeText('A'.repeat(100_000), 64)).toHaveLength(64);
  });

  it('caps combining-mark floods', () => {
    const zalgo = safeText(`Z${'\u0336'.repeat(200)}algo`, 64);
    expect(zalgo).toBe('Z\u0336\u0336algo');
  });

  it('gives an empty string for non-strings', () => {
    expect(safeText(42, 10)).toBe('');
    expect(safeText({ toString: () => 'x' }, 10)).toBe('');
  });
});

describe('toPersonSummary over the hostile corpus', () => {
  it('yields short, single-line, override-free names and only safe avatar URLs', () => {
    for (const entry of HOSTILE_PRESENCE_DATA) {
      const person = toPersonSummary(entry);
      expect(person.name.length).toBeGreaterThan(0);
      expect(Array.from(person.name).length).toBeLessThanOrEqual(64 * 4);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting control characters are gone
      expect(person.name).not.toMatch(/[\u202A-\u202E\u2066-\u2069\n\r\t\u0000]/);
      if (person.avatarUrl !== undefined) expect(person.avatarUrl).toMatch(/^(https?:|blob:|data:image\/)/);
      if (person.status !== undefined) expect(Array.from(person.status).length).toBeLessThanOrEqual(32);
    }
  });

  it('reads data.name, data.avatarUrl and data.status by default, and nothing from non-objects', () => {
    expect(defaultPresenceAccessor({ name: 'Ada', avatarUrl: 'https://a.b/c.png', status: 'away', extra: 1 })).toEqual({
      name: 'Ada',
      avatarUrl: 'https://a.b/c.png',
      status: 'away',
    });
    expect(defaultPresenceAccessor('Ada')).toEqual({});
    expect(defaultPresenceAccessor(null)).toEqual({});
    expect(defaultPresenceAccessor(['Ada'])).toEqual({});
  });

  it('falls back to the clientId, then "Anonymous", when the name is missing or blank', () => {
    expect(toPersonSummary({ clientId: 'ada-42', data: {} }).name).toBe('ada-42');
    expect(toPersonSummary({ clientId: '\u202E', data: { name: '  \u200B ' } }).name).toBe('Anonymous');
  });

  it('uses a custom accessor', () => {
    const person = toPersonSummary(
      { clientId: 'ada', data: { profile: { displayName: 'Ada L.' } } },
      { accessor: (data) => ({ name: (data as { profile: { displayName: string } }).profile.displayName }) },
    );
    expect(person.name).toBe('Ada L.');
  });
});

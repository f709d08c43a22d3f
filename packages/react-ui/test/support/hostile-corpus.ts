/**
 * Presence data an attacker could send: markup, script URLs, bidi tricks, floods of combining marks, megabyte names,
 * wrong types. Components must show all of it as inert text, keep the layout, and run nothing. Payloads that would
 * execute set `window.__pkPwned`, which tests assert stays undefined.
 */
export const HOSTILE_PRESENCE_DATA: ReadonlyArray<{ clientId: string; data: unknown }> = [
  { clientId: 'xss-img', data: { name: '<img src=x onerror="window.__pkPwned=1">', status: '<b>online</b>' } },
  {
    clientId: 'xss-script',
    data: { name: '<script>window.__pkPwned=1</script>', avatarUrl: 'javascript:window.__pkPwned=1' },
  },
  {
    clientId: 'xss-svg',
    data: {
      name: 'SVG',
      avatarUrl: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pkPwned=1"/>',
    },
  },
  {
    clientId: 'xss-html-data',
    data: { name: 'HTML data', avatarUrl: 'data:text/html,<script>window.__pkPwned=1</script>' },
  },
  {
    clientId: 'xss-attr',
    data: { name: '"><svg onload=window.__pkPwned=1>', avatarUrl: '"><img src=x onerror=window.__pkPwned=1>' },
  },
  { clientId: 'vbscript', data: { name: 'VB', avatarUrl: 'vbscript:msgbox(1)' } },
  { clientId: 'js-spaces', data: { name: 'Spaces', avatarUrl: '  JaVaScRiPt:window.__pkPwned=1' } },
  { clientId: 'bidi', data: { name: 'Mallory \u202Egnp.exe\u202C', status: '\u2067away\u2069' } },
  { clientId: 'bidi-unclosed', data: { name: '\u202Ereversed everything after me', status: 'busy' } },
  { clientId: 'zalgo', data: { name: `Z${'\u0336\u0337\u0338\u0334\u0335'.repeat(40)}algo` } },
  { clientId: 'long', data: { name: 'A'.repeat(100_000), status: 'x'.repeat(5_000) } },
  { clientId: 'long-words', data: { name: 'Pneumonoultramicroscopicsilicovolcanoconiosis '.repeat(8) } },
  { clientId: 'newlines', data: { name: 'line one\nline two\r\n\tline three\u0000', status: 'on\nline' } },
  { clientId: 'template', data: { name: "{{constructor.constructor('window.__pkPwned=1')()}}" } },
  { clientId: 'emoji', data: { name: '👩‍👩‍👧‍👦 Family 🏳️‍🌈', status: '🟢' } },
  { clientId: 'arabic', data: { name: 'مرحبا بالعالم', status: 'متصل' } },
  { clientId: 'wrong-types', data: { name: 42, avatarUrl: { toString: 'javascript:1' }, status: ['away'] } },
  { clientId: 'string-data', data: 'just a string' },
  { clientId: 'null-data', data: null },
  { clientId: 'proto', data: JSON.parse('{"__proto__": {"polluted": true}, "name": "Proto"}') },
  { clientId: '<img src=x onerror=window.__pkPwned=1>', data: {} },
  { clientId: 'huge-data-url', data: { name: 'Huge', avatarUrl: `data:image/png;base64,${'A'.repeat(200_000)}` } },
  { clientId: 'blank', data: { name: '   \u200b\u200e  ' } },
];

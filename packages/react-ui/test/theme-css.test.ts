// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../src/styles/theme.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The declarations of the first block that opens with `opening`, as property → value. */
function declarations(opening: string): Map<string, string> {
  const start = css.indexOf(opening);
  expect(start, `theme.css has no block opening with ${opening}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start + opening.length, css.indexOf('}', start));
  const entries = body
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      return [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim()] as const;
    });
  return new Map(entries);
}

describe('theme.css', () => {
  // The dark palette is written twice on purpose: CSS cannot put one declaration block under both a media query (the
  // OS setting) and a plain selector (data-pk-theme="dark"), and the alternatives change behaviour (light-dark()
  // resolves per element and needs color-scheme on the page's root). This keeps the two copies from drifting apart.
  it('the OS dark mode and data-pk-theme="dark" set the same palette', () => {
    const os = declarations('@media (prefers-color-scheme: dark) {\n  :root:not([data-pk-theme="light"]) {');
    const forced = declarations('\n[data-pk-theme="dark"] {');
    expect(forced.get('color-scheme')).toBe('dark');
    forced.delete('color-scheme');
    expect(os.size).toBeGreaterThan(10);
    expect(Object.fromEntries(os)).toEqual(Object.fromEntries(forced));
  });

  it('every dark variable has a light default', () => {
    const light = declarations(':root,\n[data-pk-theme="light"] {');
    const os = declarations('@media (prefers-color-scheme: dark) {\n  :root:not([data-pk-theme="light"]) {');
    expect([...os.keys()].filter((name) => !light.has(name))).toEqual([]);
  });
});

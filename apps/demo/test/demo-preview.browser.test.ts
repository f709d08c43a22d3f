import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoUser, launchDemoChromium, SCREENSHOT_DIR } from './support/demo-browser.js';
import { demoPage } from './support/demo-page.js';
import { DEMO_ROOT, freePort } from './support/demo-server.js';
import { eventually } from './support/eventually.js';

let outDir: string;
let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'demo-dist-'));
  const port = await freePort();
  process.env.PORT = String(port);
  delete process.env.ABLY_API_KEY;
  const inline = { root: DEMO_ROOT, configFile: `${DEMO_ROOT}/vite.config.ts`, configLoader: 'runner' as const };
  await build({ ...inline, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ ...inline, logLevel: 'warn', build: { outDir } });
  url = `http://127.0.0.1:${port}`;
  browser = await launchDemoChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the demo as a static build (pnpm --filter demo build && pnpm --filter demo preview)', () => {
  it('ships no local-ably server and no API key in the bundle', () => {
    const assets = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) {
      const code = readFileSync(join(outDir, 'assets', file), 'utf8');
      expect(code, file).not.toMatch(/WebSocketServer|startLocalAbly|local-ably-development-secret|ABLY_API_KEY/);
    }
  });

  it('preview serves the token endpoint: a user joins and sees themselves', async () => {
    const config = await (await fetch(`${url}/api/ably-config`)).json();
    expect(config).toMatchObject({ mode: 'local-ably', tokenPath: '/api/ably-token' });
    const ann = await DemoUser.create(browser, url);
    try {
      await ann.join('preview-room', 'Ann Preview');
      await eventually(async () => expect(await demoPage.onlineNames(ann.page)).toEqual(['Ann Preview']));
      await eventually(async () => expect(await demoPage.viewerCount(ann.page)).toBe(1));
      await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/preview-build.png` });
      expect(ann.pageErrors).toEqual([]);
    } finally {
      await ann.close();
    }
  });
});

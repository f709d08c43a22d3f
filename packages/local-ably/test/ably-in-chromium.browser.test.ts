import { fileURLToPath } from 'node:url';
import { launchChromium } from '@presence-kit/test-support/chromium';
import { type StaticServer, serveStatic } from '@presence-kit/test-support/static-server';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserCheckConfig, BrowserCheckResult, BrowserConnectionStatus } from './support/browser-ably-page.js';
import { eventually, sleep, startHarness } from './support/harness.js';

interface PageApi {
  ablyChecks: {
    run(config: BrowserCheckConfig): Promise<BrowserCheckResult>;
    status(): BrowserConnectionStatus;
  };
}

let browser: Browser;
let pageServer: StaticServer | undefined;
let pageUrl: string;

/** Serves the bundled page from its own 127.0.0.1 port, so every call to local-ably is cross-origin. */
async function servePage(): Promise<void> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./support/browser-ably-page.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  pageServer = await serveStatic({
    '/': { type: 'text/html', body: '<!doctype html><title>ably in chromium</title><script src="/page.js"></script>' },
    '/page.js': { type: 'text/javascript', body: script },
  });
  pageUrl = pageServer.url;
}

beforeAll(async () => {
  await servePage();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await pageServer?.close();
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(pageUrl);
  await page.waitForFunction(() => 'ablyChecks' in globalThis);
  return page;
}

describe('the ably SDK in a real Chromium page', () => {
  it('connects over WebSocket, enters presence, uses REST cross-origin, and stays up on HEARTBEAT frames', async () => {
    // A 1 s maxIdleInterval and a 1 s request timeout mean the browser drops the transport after ~2.1 s of silence;
    // only HEARTBEAT frames count as traffic for it (it cannot see WebSocket pings).
    const h = await startHarness({ maxIdleIntervalMs: 1_000, keepAliveIntervalMs: 300 });
    const observer = h.realtime('node-observer');
    const entered: string[] = [];
    const observed = observer.channels.get('browser-room');
    await observed.presence.subscribe('enter', (message) => entered.push(message.clientId ?? ''));

    const page = await openPage();
    const config: BrowserCheckConfig = {
      key: h.server.key,
      endpoint: '127.0.0.1',
      port: h.server.port,
      clientId: 'chromium-user',
      channel: 'browser-room',
      realtimeRequestTimeout: 1_000,
    };
    const result = await page.evaluate((c) => (globalThis as unknown as PageApi).ablyChecks.run(c), config);

    expect(result.connectionId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(result.realtimeMembers).toEqual(['chromium-user']);
    expect(result.occupancy).toEqual({ connections: 2, presenceMembers: 1 });
    expect(Math.abs(result.serverTime - Date.now())).toBeLessThan(60_000);
    await eventually(() => expect(entered).toEqual(['chromium-user']));
    const server = h.server.inspect.connectionList().find((c) => c.id === result.connectionId);
    expect(server).toMatchObject({ clientId: 'chromium-user', state: 'connected', channels: ['browser-room'] });

    // Idle long enough for two idle timeouts: the connection must not blink.
    await sleep(4_500);
    const status = await page.evaluate(() => (globalThis as unknown as PageApi).ablyChecks.status());
    expect(status.state).toBe('connected');
    expect(status.connectionId).toBe(result.connectionId);
    expect(status.states).toEqual(['connecting', 'connected']);

    // REST presence goes through the paginated (enveloped) path, cross-origin.
    expect(result.restPresence).toEqual({ clientIds: ['chromium-user'], data: { from: 'chromium' } });
    await page.close();
  });
});

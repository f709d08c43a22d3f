import type { JsonObject } from '@ably/chat';
import { launchChromium } from '@presence-kit/test-support/chromium';
import type { Page } from 'playwright-core';
import type { ChaosClient, PresenceIntent } from './chaos-client.js';
import type { ObserverView } from './observer-view.js';
import { bundleChaosPage, serveChaosPage } from './page-bundle.js';
import './page/page-api.js';
import type { BrowserFactoryArgs } from './run-chaos.js';
import type { TcpProxy } from './tcp-proxy.js';
import { CHAOS_ROOM } from './timings.js';
import type { TokenSource } from './token-source.js';

/** One Chromium page as a chaos participant: the kit's hooks render the room; its network goes through a proxy. */
class BrowserChaosClient implements ChaosClient {
  readonly kind = 'browser' as const;
  readonly staleCorrections = 0;
  intent: PresenceIntent = { present: false, data: {} };

  constructor(
    readonly clientId: string,
    readonly proxy: TcpProxy,
    readonly tokens: TokenSource,
    private readonly page: Page,
  ) {}

  setPresence(intent: PresenceIntent): void {
    this.intent = intent;
    void this.page
      .evaluate((json) => window.chaos.setPresence(JSON.parse(json)), JSON.stringify(intent))
      .catch(() => {});
  }

  burst(datas: JsonObject[]): void {
    const last = datas[datas.length - 1];
    if (last) this.intent = { present: true, data: last };
    void this.page.evaluate((json) => window.chaos.burst(JSON.parse(json)), JSON.stringify(datas)).catch(() => {});
  }

  retryFailed(): void {
    // Nothing: the kit's usePresence has to get presence right by itself.
  }

  status() {
    return this.page.evaluate(() => window.chaos.status());
  }

  snapshot() {
    return this.page.evaluate(() => ({ ...window.chaos.status(), idle: true, view: window.chaos.view() }));
  }

  view(): Promise<ObserverView> {
    return this.page.evaluate(() => window.chaos.view());
  }

  problems(): Promise<string[]> {
    return this.page.evaluate(() => window.chaos.problems());
  }

  async close(): Promise<void> {
    this.leftBehind = await this.page.evaluate(() => window.chaos.close()).catch((error: unknown) => [String(error)]);
  }

  leftBehind: string[] = [];
}

/**
 * Starts Chromium (Debian's, or CHROMIUM_PATH) with `count` pages, each a participant with its own proxy and
 * token source. `close()` unmounts every page's React tree first (leaks are reported through `problems`).
 */
export async function openBrowserClients(
  count: number,
  { participant }: BrowserFactoryArgs,
): Promise<{ clients: ChaosClient[]; close(): Promise<string[]> }> {
  const site = await serveChaosPage(await bundleChaosPage());
  const browser = await launchChromium();
  const clients: BrowserChaosClient[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const clientId = `page-${String(i).padStart(2, '0')}`;
      const { proxy, tokens } = await participant(clientId);
      const page = await browser.newPage();
      await page.exposeFunction('chaosMintToken', () => tokens.mint());
      await page.goto(site.url);
      await page.waitForFunction(() => typeof window.chaos === 'object');
      await page.evaluate((options) => window.chaos.start(options), {
        port: proxy.port,
        clientId,
        room: CHAOS_ROOM,
      });
      clients.push(new BrowserChaosClient(clientId, proxy, tokens, page));
    }
  } catch (error) {
    await browser.close();
    await site.close();
    throw error;
  }
  return {
    clients,
    async close() {
      for (const client of clients) await client.close();
      await browser.close();
      await site.close();
      return clients.flatMap((client) => client.leftBehind);
    },
  };
}

import { mkdirSync } from 'node:fs';
import { launchChromium } from '@presence-kit/test-support/chromium';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ROOT } from './demo-server.js';

/** Screenshots of the main states, kept as test artifacts (gitignored). */
export const SCREENSHOT_DIR = `${DEMO_ROOT}/test-results/screenshots`;

export async function launchDemoChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return launchChromium();
}

/**
 * One person: a browser context of their own (own localStorage, so own clientId), with one or more tabs.
 * Page errors are collected so tests can assert that nothing threw.
 */
export class DemoUser {
  readonly pageErrors: string[] = [];
  readonly dialogs: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  static async create(browser: Browser, baseUrl: string): Promise<DemoUser> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const user = new DemoUser(context, await context.newPage(), baseUrl);
    user.watch(user.page);
    return user;
  }

  /** Opens `?room=&name=` in this user's first tab and waits until they see themselves in the list. */
  async join(room: string, name: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/?room=${encodeURIComponent(room)}&name=${encodeURIComponent(name)}`);
    await this.page.getByRole('heading', { name: 'Launch keynote' }).waitFor();
  }

  /** Another tab of the same person (same clientId, another connection). */
  async openTab(room: string, name: string): Promise<Page> {
    const page = await this.context.newPage();
    this.watch(page);
    await page.goto(`${this.baseUrl}/?room=${encodeURIComponent(room)}&name=${encodeURIComponent(name)}`);
    await page.getByRole('heading', { name: 'Launch keynote' }).waitFor();
    return page;
  }

  clientId(): Promise<string> {
    return this.page.evaluate(() => localStorage.getItem('presence-kit-demo:client-id') ?? '');
  }

  close(): Promise<void> {
    return this.context.close();
  }

  private watch(page: Page): void {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }
}

import type { Locator, Page } from 'playwright-core';

/**
 * Where things are on the live-event page, in one place: the tests read the page as a user would (roles and names),
 * not through component internals.
 */
export const demoPage = {
  onlineList: (page: Page): Locator => page.getByRole('complementary', { name: 'Online' }).getByRole('list').first(),
  onlineRows: (page: Page): Locator => demoPage.onlineList(page).getByRole('listitem'),
  /** The names in the online list's rendered rows. */
  onlineNames: async (page: Page): Promise<string[]> =>
    demoPage
      .onlineRows(page)
      .evaluateAll((rows) => rows.map((row) => row.querySelector('[data-name], span')?.textContent?.trim() ?? '')),
  /** The viewer count in the header, as a number (the exact figure, whatever the compact display shows). */
  viewerCount: async (page: Page): Promise<number> => {
    const text = (await page.locator('header .viewer-count').first().textContent()) ?? '';
    const digits = /([\d,]+)/.exec(text)?.[1] ?? 'NaN';
    return Number(digits.replaceAll(',', ''));
  },
  statusPicker: (page: Page): Locator => page.getByRole('combobox', { name: /status/i }),
  leaveButton: (page: Page): Locator => page.getByRole('button', { name: 'Leave' }),
  banner: (page: Page): Locator => page.locator('.banner'),
};

import type { Locator, Page } from 'playwright-core';

/**
 * Where things are on the live-event page, in one place. The tests read the page as a user sees it (the rendered rows
 * of `<OnlineList>`, the figure `<ViewerCount>` shows), not component state.
 */
export const demoPage = {
  onlinePanel: (page: Page): Locator => page.getByRole('complementary', { name: /^Online/ }),
  /** The list's scrolling viewport (virtualized: only rows near the viewport are in the DOM). */
  onlineViewport: (page: Page): Locator => demoPage.onlinePanel(page).locator('.pk-online-list__viewport'),
  onlineRows: (page: Page): Locator => demoPage.onlinePanel(page).locator('li.pk-online-list__row'),
  /** The names in the rendered rows, in order. */
  onlineNames: async (page: Page): Promise<string[]> =>
    demoPage
      .onlineRows(page)
      .locator('.pk-name')
      .evaluateAll((names) => names.map((name) => name.textContent ?? '')),
  /** "×2"-style badges: a person listed with more than one connection. */
  deviceBadges: (page: Page): Promise<string[]> =>
    demoPage.onlinePanel(page).locator('.pk-online-list__devices').allTextContents(),
  /** The number the online panel's heading shows (people in the room). */
  peopleCount: async (page: Page): Promise<number> =>
    Number(((await demoPage.onlinePanel(page).locator('.count-badge').textContent()) ?? 'NaN').replaceAll(',', '')),
  /** The viewer count in the header: the exact figure behind the compact display. */
  viewerCount: async (page: Page): Promise<number> => {
    const value = await page.locator('header .pk-viewer-count data').first().getAttribute('value', { timeout: 5_000 });
    return Number(value ?? 'NaN');
  },
  statusPicker: (page: Page): Locator => page.getByRole('combobox', { name: 'My status' }),
  leaveButton: (page: Page): Locator => page.getByRole('button', { name: 'Leave' }),
  banner: (page: Page): Locator => page.locator('.banner'),
};

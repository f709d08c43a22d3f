import { expect } from 'storybook/test';

/**
 * What a hostile-data story asserts in Chromium: no markup from presence data became elements (so no handler can
 * ever run), every image has a safe scheme, and no payload ran so far.
 */
export async function expectInert(canvasElement: HTMLElement): Promise<void> {
  await expect(canvasElement.querySelector('script, iframe, object, embed, svg, [onerror], [onload]')).toBeNull();
  for (const image of canvasElement.querySelectorAll('img')) {
    await expect(image.getAttribute('src')).toMatch(/^(https?:|blob:|data:image\/)/);
  }
  await expect((window as { __pkPwned?: unknown }).__pkPwned).toBeUndefined();
}

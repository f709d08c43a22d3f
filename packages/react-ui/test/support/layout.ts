import { afterAll, beforeAll } from 'vitest';

/**
 * jsdom does no layout, so every element measures 0×0 and a virtualizer would see an empty viewport. Give the list's
 * viewport the size a browser would (the theme's 24rem); everything else stays 0. Real layout is checked in Chromium
 * by the story tests.
 */
export function withViewportLayout(height = 400, width = 320): void {
  const original = {
    height: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
    width: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
  };
  beforeAll(() => {
    Object.defineProperty(Element.prototype, 'clientHeight', {
      configurable: true,
      get(this: Element) {
        return this.classList.contains('pk-online-list__viewport') ? height : 0;
      },
    });
    Object.defineProperty(Element.prototype, 'clientWidth', {
      configurable: true,
      get(this: Element) {
        return this.classList.contains('pk-online-list__viewport') ? width : 0;
      },
    });
  });
  afterAll(() => {
    if (original.height) Object.defineProperty(Element.prototype, 'clientHeight', original.height);
    if (original.width) Object.defineProperty(Element.prototype, 'clientWidth', original.width);
  });
}

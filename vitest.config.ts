import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One Vitest run covers every package. Projects:
 * - local-ably: the server through the real `ably` and `@ably/chat` SDKs (Node).
 * - react: hooks and components through the real ChatClient against local-ably, rendered in jsdom.
 * - browser: tests that drive Debian's Chromium through playwright-core (files named *.browser.test.ts), including the
 *   demo app's end-to-end tests and the short seeded chaos run (packages/chaos; the full run is `pnpm test:chaos`).
 * - react-types: type tests (*.test-d.ts) checked by tsc through Vitest's typecheck mode; the registration test
 *   (react-types-registered) has a tsconfig of its own, because `declare module` augmentations are global to a program.
 * - storybook: every story as a test in real Chromium (Vitest browser mode), with axe checks failing on violations.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'local-ably',
          include: ['packages/local-ably/test/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'react',
          include: ['packages/react/test/**/*.test.{ts,tsx}', 'packages/react-ui/test/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.ts'],
          environment: 'jsdom',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'react-types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['packages/react/test/types/*.test-d.{ts,tsx}'],
            tsconfig: 'tsconfig.json',
          },
        },
      },
      {
        test: {
          name: 'react-types-registered',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['packages/react/test/types/registered/*.test-d.ts'],
            tsconfig: 'packages/react/test/types/registered/tsconfig.json',
          },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['packages/**/test/**/*.browser.test.ts', 'apps/**/test/**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './packages/test-support/src/chromium.js';

/**
 * Workspace packages resolve to their TypeScript source through the `@presence-kit/source` export condition (their
 * `exports` point at dist/ otherwise), so no test needs a build. The projects that run in Node (jsdom included) spread
 * this in, with Node's conditions: local-ably imports `ws`, whose `browser` export is a stub. The storybook project
 * gets the browser's conditions from .storybook/main.ts.
 */
const source = {
  resolve: { conditions: ['@presence-kit/source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['@presence-kit/source', ...defaultServerConditions] } },
};

/**
 * `pnpm test:react18` sets PK_REACT_18 to a node_modules folder holding React 18.3 and the libraries that import React
 * (Testing Library, TanStack Query and Virtual, @ably/chat's React hooks), installed together so their own `react` imports find React 18 too.
 * The `react` project then aliases all of them there.
 */
const react18 = process.env.PK_REACT_18;
const REACT_18_PACKAGES = [
  'react',
  'react-dom',
  '@testing-library/react',
  '@tanstack/react-query',
  '@tanstack/react-virtual',
  // @ably/chat/react imports React; the SDKs move with it so that every import sees one ably and one @ably/chat.
  '@ably/chat',
  'ably',
];
const reactVersion = react18
  ? {
      resolve: {
        ...source.resolve,
        alias: {
          // Its `react/` folder's package.json names an extensionless ESM file that Node cannot load: use the export.
          '@ably/chat/react': `${react18}/@ably/chat/dist/react/ably-chat-react.js`,
          ...Object.fromEntries(REACT_18_PACKAGES.map((name) => [name, `${react18}/${name}`])),
        },
      },
    }
  : {};

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
        ...source,
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
        ...source,
        ...reactVersion,
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
        ...source,
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
        ...source,
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
        ...source,
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
              launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

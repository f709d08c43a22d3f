import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook 10 for @presence-kit/react-ui. Stories live beside the package (`packages/react-ui/stories`); workspace
 * packages resolve to source, so nothing is built first. Offline-safe: no telemetry, no update checks.
 */
const config: StorybookConfig = {
  stories: ['../packages/react-ui/stories/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  addons: ['@storybook/addon-vitest', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen' },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    const { default: react } = await import('@vitejs/plugin-react');
    // Live stories: starts local-ably with `storybook dev` (and the story tests) and serves /api/ably-token and
    // /api/ably-config, so the browser gets short-lived tokens and never a key. `storybook build` starts nothing.
    const { localAbly } = await import('@presence-kit/local-ably/vite');
    return mergeConfig(viteConfig, {
      plugins: [react(), localAbly()],
      server: { host: '127.0.0.1' },
    });
  },
};

export default config;

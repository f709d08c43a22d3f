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
    return mergeConfig(viteConfig, {
      plugins: [react()],
      server: { host: '127.0.0.1' },
    });
  },
};

export default config;

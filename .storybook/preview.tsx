import type { Decorator, Preview } from '@storybook/react-vite';
import '../packages/react-ui/src/styles/theme.css';
import './preview.css';

/**
 * Stories set `parameters.pk = { theme: 'dark', dir: 'rtl' }` for their dark and right-to-left variants; the
 * toolbar globals set them for every story.
 */
const withThemeAndDirection: Decorator = (Story, context) => {
  const pk = (context.parameters.pk ?? {}) as { theme?: 'light' | 'dark'; dir?: 'ltr' | 'rtl' };
  const theme = pk.theme ?? (context.globals.pkTheme as 'light' | 'dark' | undefined) ?? 'light';
  const dir = pk.dir ?? (context.globals.pkDir as 'ltr' | 'rtl' | undefined) ?? 'ltr';
  return (
    <div className="pk-story" data-pk-theme={theme} dir={dir} lang={dir === 'rtl' ? 'ar' : 'en'}>
      <Story />
    </div>
  );
};

const preview: Preview = {
  decorators: [withThemeAndDirection],
  parameters: {
    layout: 'fullscreen',
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
  },
  globalTypes: {
    pkTheme: {
      description: 'Theme',
      toolbar: { icon: 'contrast', items: ['light', 'dark'], dynamicTitle: true },
    },
    pkDir: {
      description: 'Text direction',
      toolbar: { icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { pkTheme: 'light', pkDir: 'ltr' },
};

export default preview;

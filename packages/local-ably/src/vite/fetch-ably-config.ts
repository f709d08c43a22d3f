import { type AblyConnectionConfig, DEFAULT_CONFIG_PATH } from './connection-config.js';

/**
 * Asks the app's server (the `localAbly()` Vite plugin, in dev and preview) where to connect: local-ably on loopback,
 * or Ably when `ABLY_API_KEY` is set.
 *
 * @example
 * const config = await fetchAblyConfig();
 * if (config.mode === 'local-ably') console.log('admin API at', config.adminUrl);
 */
export async function fetchAblyConfig(path: string = DEFAULT_CONFIG_PATH): Promise<AblyConnectionConfig> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    throw new Error(
      `GET ${path} answered ${response.status}: is the app served by Vite with the localAbly() plugin (pnpm dev or preview)?`,
    );
  }
  return (await response.json()) as AblyConnectionConfig;
}

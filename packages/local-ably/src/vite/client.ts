// @presence-kit/local-ably/vite/client: browser helpers for apps served by the `localAbly()` Vite plugin.
// Imports nothing from the server, so a browser bundle stays free of Node code.

export { type AblyClientOptionsInput, type AblyTokenClientOptions, ablyClientOptions } from './ably-client-options.js';
export { type AblyConnectionConfig, DEFAULT_CONFIG_PATH, DEFAULT_TOKEN_PATH } from './connection-config.js';
export { fetchAblyConfig } from './fetch-ably-config.js';
export { clientIdProblem, MAX_CLIENT_ID_LENGTH, MAX_ROOM_NAME_LENGTH, roomNameProblem } from './names.js';

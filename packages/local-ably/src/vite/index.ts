// @presence-kit/local-ably/vite: the Vite plugin (Node only). Browser helpers are in '@presence-kit/local-ably/vite/client'.

export { type ChatCapabilityOptions, chatCapability } from './chat-capability.js';
export { type AblyConnectionConfig, DEFAULT_CONFIG_PATH, DEFAULT_TOKEN_PATH } from './connection-config.js';
export { type LocalAblyPluginOptions, localAbly } from './local-ably-plugin.js';
export { clientIdProblem, roomNameProblem } from './names.js';
export type { TokenCapability, TokenCapabilityContext } from './token-endpoint.js';

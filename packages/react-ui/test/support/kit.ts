// One render helper for every test in the repository: the hooks package's, which starts local-ably and renders inside
// <PresenceKitProvider> with a real ChatClient.
export { createRenderCounter, eventually, startKit } from '../../../react/test/support/render-with-kit.js';

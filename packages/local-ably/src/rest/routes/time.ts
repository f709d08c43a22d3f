import type { Route } from '../router.js';

/** `GET /time`: the SDK's clock check and our readiness probe. No auth. */
export const timeRoute: Route = {
  method: 'GET',
  path: '/time',
  auth: 'none',
  handle: () => ({ body: [Date.now()] }),
};

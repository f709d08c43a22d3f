import type { TokenIssuer } from '../../auth/token-request.js';
import type { Route } from '../router.js';

/** `POST /keys/:keyName/requestToken`: a signed TokenRequest in, TokenDetails out. No auth header: the MAC is the proof. */
export function requestTokenRoute(issuer: TokenIssuer): Route {
  return {
    method: 'POST',
    path: '/keys/:keyName/requestToken',
    auth: 'none',
    handle: ({ params, body }) => ({ body: issuer.issue(params.keyName ?? '', body) }),
  };
}

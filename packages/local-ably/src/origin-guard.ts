import type { Logger } from './options.js';
import { isLoopbackOrigin } from './rest/loopback.js';

/** Browser pages allowed beside those served from this machine: exact origins, or `'*'` for any page. */
export type AllowedOrigins = readonly string[] | '*';

// Origins already logged; a page retries every few seconds, and one line per origin says all there is to say.
const MAX_LOGGED_ORIGINS = 100;

/**
 * Decides which browser pages may use this server. Browsers apply no CORS to WebSockets and send simple requests to
 * any host, so without this any website the developer visits could reach local-ably on loopback, where the dev key is
 * public. Requests with no `Origin` come from Node, curl or the CLI, never from a page, and pass.
 */
export class OriginGuard {
  private readonly logged = new Set<string>();

  constructor(
    private readonly allowed: AllowedOrigins,
    private readonly logger: Logger,
  ) {}

  allows(origin: string | undefined): boolean {
    return origin === undefined || this.allowed === '*' || isLoopbackOrigin(origin) || this.allowed.includes(origin);
  }

  /** Why a request with this `Origin` is refused (logged once per origin), or `undefined` when it may proceed. */
  refusal(origin: string | undefined): string | undefined {
    if (origin === undefined || this.allows(origin)) return undefined;
    const message =
      `local-ably refuses pages from ${origin}: only pages served from localhost, 127.0.0.1 or [::1] may use it. ` +
      `To allow this page, set the option allowedOrigins: ['${origin}'] (startLocalAbly, or server.allowedOrigins ` +
      "in the Vite plugin, or --allowed-origin on the CLI); '*' allows every page.";
    if (!this.logged.has(origin) && this.logged.size < MAX_LOGGED_ORIGINS) {
      this.logged.add(origin);
      this.logger.warn(message);
    }
    return message;
  }
}

/**
 * Checks the `allowedOrigins` option and normalizes each entry to the form browsers send (`https://app.example`, no
 * default port, no trailing slash), so comparing with the `Origin` header is an exact string match.
 */
export function resolveAllowedOrigins(value: AllowedOrigins | undefined): AllowedOrigins {
  if (value === undefined) return [];
  if (value === '*') return '*';
  if (!Array.isArray(value)) {
    throw new TypeError(`local-ably: option "allowedOrigins" must be an array of origins or '*', got ${String(value)}`);
  }
  return value.map((entry: unknown) => {
    let url: URL | undefined;
    try {
      url = new URL(String(entry));
    } catch {}
    if (!url || url.origin === 'null' || url.href !== `${url.origin}/`) {
      throw new TypeError(
        `local-ably: option "allowedOrigins" takes origins such as 'https://app.example:8443' (scheme, host and ` +
          `port; no path), or '*' instead of the array to allow every page; got ${JSON.stringify(entry)}`,
      );
    }
    return url.origin;
  });
}

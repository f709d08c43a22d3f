import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/principal.js';
import type { RestResult } from './respond.js';

export interface RestRequest {
  method: string;
  url: URL;
  /** Decoded path parameters. */
  params: Record<string, string>;
  /** The authenticated caller; undefined for routes that need no auth. */
  principal: Principal | undefined;
  /** The parsed body (JSON or msgpack), for POSTs. */
  body: unknown;
  raw: IncomingMessage;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path pattern with `:name` segments, e.g. `/channels/:channel/presence`. */
  path: string;
  /** `key` = Ably key or token auth; `none` = public; `local` = loopback admin (no Ably auth). */
  auth: 'key' | 'none' | 'local';
  handle(request: RestRequest): RestResult | Promise<RestResult>;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

/** A tiny path router: routes are matched in registration order; path segments are URL-decoded one by one. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(segment.slice(1));
          return '([^/]+)';
        })
        .join('/');
      this.routes.push({ route, pattern: new RegExp(`^${source}/?$`), names });
    }
    return this;
  }

  /** The route for a method and path, or `allowed` listing methods that would match (for 405). */
  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | { allowed: string[] } {
    const allowed: string[] = [];
    for (const { route, pattern, names } of this.routes) {
      const found = pattern.exec(pathname);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { route, params };
    }
    return { allowed };
  }
}

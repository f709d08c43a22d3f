import type { LocalAbly } from '../../src/index.js';

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A plain `fetch` against local-ably with basic auth and JSON, for what the SDK hides (headers, status, envelopes). */
export async function restFetch(
  server: LocalAbly,
  pathAndQuery: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const response = await fetch(`${server.url}${pathAndQuery}`, {
    headers: {
      authorization: `Basic ${Buffer.from(server.key).toString('base64')}`,
      accept: 'application/json',
      ...headers,
    },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The query parameters of each `rel` in a Link header, parsed the way ably-js does. */
export function parseLinks(header: string | null | undefined): Record<string, Record<string, string>> {
  const links: Record<string, Record<string, string>> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /^\s*<\.\/(\w+)\?(.*)>;\s*rel="(\w+)"$/.exec(part);
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split('&')) {
      const [name = '', value = ''] = pair.split('=');
      params[decodeURIComponent(name)] = decodeURIComponent(value);
    }
    links[match[3] ?? ''] = params;
  }
  return links;
}

/** A page of any paginated SDK result (PaginatedResult or HttpPaginatedResponse). */
interface Page<T> {
  items: T[];
  hasNext(): boolean;
  next(): Promise<Page<T> | null>;
}

/** Follows `next()` through every page; returns all items and how many pages it took. */
export async function allItems<T>(first: Page<T>): Promise<{ items: T[]; pages: number }> {
  const items = [...first.items];
  let pages = 1;
  for (let page = first; page.hasNext(); ) {
    const next = await page.next();
    if (!next) break;
    items.push(...next.items);
    pages++;
    page = next;
  }
  return { items, pages };
}

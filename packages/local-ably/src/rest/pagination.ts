import { AblyError, ErrorCode } from '../protocol/errors.js';

/** Ably's REST paging bounds: `limit` defaults to 100 and may not exceed 1,000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** Query parameters that never go into a Link: the SDK adds `envelope` itself, and credentials do not belong in URLs we hand back. */
const NOT_IN_LINKS = new Set(['cursor', 'envelope', 'key', 'access_token']);

/** A 400 with code 40003 naming the parameter and what would be valid. */
export function invalidParam(name: string, problem: string): AblyError {
  return new AblyError(ErrorCode.InvalidParameterValue, 400, `Invalid value for parameter "${name}": ${problem}`);
}

/**
 * The `limit` query parameter. Over 1,000 is an error (40003), not silently clamped, because Ably's REST API docs call
 * such a limit invalid and a caller asking for 5,000 should learn that it gets at most 1,000 per page.
 */
export function parseLimit(url: URL): number {
  const raw = url.searchParams.get('limit');
  if (raw === null || raw === '') return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_LIMIT) {
    throw invalidParam('limit', `must be an integer from 1 to ${MAX_LIMIT} (got "${raw}")`);
  }
  return limit;
}

/** An optional millisecond timestamp parameter such as `start` or `end`. */
export function parseTimestamp(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw invalidParam(name, `must be a time in milliseconds since the epoch (got "${raw}")`);
  return Number(raw);
}

/** One page of `sorted` (ascending by `keyOf`) starting after `after`, and the key to continue from. */
export function pageAfter<T>(
  sorted: readonly T[],
  keyOf: (item: T) => string,
  limit: number,
  after: string | undefined,
): { items: T[]; next?: string } {
  let start = 0;
  if (after !== undefined) {
    // Binary search: the first item whose key sorts after the cursor. Items added or removed meanwhile do not shift pages.
    let high = sorted.length;
    while (start < high) {
      const middle = (start + high) >>> 1;
      if (keyOf(sorted[middle] as T) <= after) start = middle + 1;
      else high = middle;
    }
  }
  const items = sorted.slice(start, start + limit);
  const last = items[items.length - 1];
  const hasMore = start + limit < sorted.length;
  return hasMore && last !== undefined ? { items, next: keyOf(last) } : { items };
}

/** Compares strings by UTF-16 code units, the same order `<=` uses in {@link pageAfter}. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `Link` header for a page. ably-js parses each entry as `<./word?query>; rel="name"`, keeps only the query, and
 * re-requests the original path with it, so all state (including the cursor) lives in the query. Values are encoded
 * with encodeURIComponent: commas would split the header, and the SDK decodes with decodeURIComponent (no `+`).
 *
 * @param resource the last path segment, e.g. `presence` or `history` (it must be a `\w+` word for the SDK's parser)
 * @param url the request URL, whose parameters (but not its cursor) carry over to every link
 * @param limit the resolved limit, always written so that no link has an empty query (the SDK ignores those)
 * @param next the cursor for the next page, if there is one
 */
export function paginationHeaders(
  resource: string,
  url: URL,
  limit: number,
  next: string | number | undefined,
): Record<string, string> {
  const base: Array<[string, string]> = [];
  for (const [name, value] of url.searchParams) {
    if (!NOT_IN_LINKS.has(name) && name !== 'limit') base.push([name, value]);
  }
  base.push(['limit', String(limit)]);
  const link = (params: Array<[string, string]>, rel: string) =>
    `<./${resource}?${params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')}>; rel="${rel}"`;
  const cursor = url.searchParams.get('cursor');
  const links = [link(base, 'first'), link(cursor === null ? base : [...base, ['cursor', cursor]], 'current')];
  if (next !== undefined) links.push(link([...base, ['cursor', String(next)]], 'next'));
  return { Link: links.join(', ') };
}

import * as Ably from 'ably';

/**
 * What the query builders read through: an `Ably.Rest` (e.g. on a server), an `Ably.Realtime`, or anything holding
 * one as `realtime` (a `ChatClient`).
 */
export type RestClientSource = Ably.Rest | Ably.Realtime | { readonly realtime: Ably.Realtime };

export function requester(source: RestClientSource): Ably.Rest | Ably.Realtime {
  return 'realtime' in source ? source.realtime : source;
}

/**
 * REST API version sent as `X-Ably-Version` on channel, presence and enumeration requests; the same version the
 * SDK uses for its own calls, so responses have the shapes it documents (e.g. ChannelDetails for `by=value`).
 */
export const REST_API_VERSION = 6;

/** Query parameters of a REST request; also the serializable cursor of the next page. */
export type RestParams = Readonly<Record<string, string>>;

/**
 * A GET through the SDK's `request()` (auth, msgpack/JSON, fallback hosts, browser envelopes all handled by the SDK).
 * `request()` reports HTTP errors inside the response instead of throwing; turn them into the `ErrorInfo` the SDK's
 * own methods throw (as `@ably/chat` does), so the Ably code reaches react-query's `error`.
 */
export async function restGet(
  source: RestClientSource,
  path: string,
  params: RestParams,
  version = REST_API_VERSION,
): Promise<Ably.HttpPaginatedResponse<unknown>> {
  const response = await requester(source).request<unknown>('get', path, version, { ...params });
  if (!response.success) {
    throw new Ably.ErrorInfo(
      response.errorMessage || `REST GET ${path} failed with HTTP ${response.statusCode}`,
      response.errorCode,
      response.statusCode,
    );
  }
  return response;
}

/**
 * The query parameters of the response's `rel="next"` link, or `null` on the last page.
 * Parsed the way ably-js parses `Link` (`<./word?query>; rel="next"`; only the query is used, against the original
 * path), so the cursor is plain data: it survives refetches and dehydration, unlike a live `PaginatedResult`.
 */
export function nextPageParams(response: Ably.HttpPaginatedResponse<unknown>): RestParams | null {
  if (!response.hasNext()) return null;
  const headers = (response.headers ?? {}) as Record<string, unknown>;
  const link = headers.link ?? headers.Link;
  const entries = Array.isArray(link) ? link.map(String) : typeof link === 'string' ? link.split(',') : [];
  for (const entry of entries) {
    const match = /^\s*<\.\/\w+\?(.*)>;\s*rel="next"\s*$/.exec(entry);
    if (match?.[1] !== undefined) return Object.fromEntries(new URLSearchParams(match[1]));
  }
  return null;
}

/** Path of a channel resource, with the name percent-encoded as one segment (`a::$chat` → `a%3A%3A%24chat`). */
export function channelPath(channel: string, suffix = ''): string {
  return `/channels/${encodeURIComponent(channel)}${suffix}`;
}

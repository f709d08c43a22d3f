import type { ChannelRegistry } from '../../channels/channel-registry.js';
import { memberToWire } from '../../presence/presence-wire.js';
import { PresenceAction } from '../../protocol/actions.js';
import { AblyError, ErrorCode, type ErrorInfo } from '../../protocol/errors.js';
import type { WirePresenceMessage } from '../../protocol/types.js';
import { presenceForFormat } from '../json-safe-presence.js';
import { invalidParam } from '../pagination.js';
import { responseFormat } from '../respond.js';
import type { Route } from '../router.js';
import { presenceReadError, sortedMembers } from './presence.js';

/** Ably's per-request channel cap for batch presence. */
export const MAX_BATCH_CHANNELS = 100;

type ChannelResult = { channel: string; presence: WirePresenceMessage[] } | { channel: string; error: ErrorInfo };

/**
 * `GET /presence?channels=a,b[&separator=|]`: the presence sets of several channels in one request. Each channel
 * succeeds or fails on its own (a name the credentials may not read fails with 40160, an invalid name with 40010).
 *
 * Response shape follows the caller's `X-Ably-Version`, as Ably's does:
 * - 3 and later (every current SDK sends one): always `200 {successCount, failureCount, results}`, failures included.
 *   ably-js `batchPresence()` returns that body as-is; it throws on any non-2xx status, so a 400 here would hide the
 *   per-channel results from SDK callers.
 * - no version or older: `200 [{channel, presence}]` when all succeed, else
 *   `400 {error: 40020, batchResponse: [...]}`.
 */
export function batchPresenceRoute(channels: ChannelRegistry): Route {
  return {
    method: 'GET',
    path: '/presence',
    auth: 'key',
    handle: ({ principal, url, raw }) => {
      const names = parseChannels(url);
      const format = responseFormat(raw, url);
      const results = names.map((channel): ChannelResult => {
        const denied = presenceReadError(principal, channel);
        if (denied) return { channel, error: denied.toErrorInfo() };
        const items = sortedMembers(channels, channel).map((member) => memberToWire(member, PresenceAction.PRESENT));
        return { channel, presence: presenceForFormat(items, format) };
      });
      const failureCount = results.filter((result) => 'error' in result).length;
      if (apiVersion(raw.headers['x-ably-version']) >= 3) {
        return { body: { successCount: results.length - failureCount, failureCount, results } };
      }
      if (failureCount === 0) return { body: results };
      const error = new AblyError(
        ErrorCode.BatchError,
        400,
        `Batched response includes errors: ${failureCount} of ${results.length} channels failed (see batchResponse)`,
      );
      return {
        status: 400,
        body: { error: error.toErrorInfo(), batchResponse: results },
        headers: { 'X-Ably-ErrorCode': String(error.code), 'X-Ably-ErrorMessage': encodeURIComponent(error.message) },
      };
    },
  };
}

function parseChannels(url: URL): string[] {
  const raw = url.searchParams.get('channels');
  if (raw === null || raw === '') {
    throw new AblyError(ErrorCode.BadRequest, 400, 'Missing parameter "channels": pass channel names separated by ","');
  }
  const separator = url.searchParams.get('separator') || ',';
  const names = raw.split(separator);
  if (names.length > MAX_BATCH_CHANNELS) {
    throw invalidParam('channels', `at most ${MAX_BATCH_CHANNELS} channels per request (got ${names.length})`);
  }
  return names;
}

function apiVersion(header: string | string[] | undefined): number {
  const value = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(value) ? value : 0;
}

import { parseChannelName } from '../../channels/channel-name.js';
import type { PresenceHistory, PresenceHistoryQuery } from '../../presence/presence-history.js';
import { validateChannelName } from '../../protocol/validate.js';
import { presenceForFormat } from '../json-safe-presence.js';
import { invalidParam, paginationHeaders, parseLimit, parseTimestamp } from '../pagination.js';
import { requireCapability } from '../require-capability.js';
import { responseFormat } from '../respond.js';
import type { Route } from '../router.js';

/**
 * `GET /channels/:channel/presence/history`: ENTER/LEAVE/UPDATE events as they were broadcast (synthesized leaves
 * included), newest first unless `direction=forwards`, within inclusive `start`/`end` (ms). Needs `history`.
 * `from_serial` (sent by `history({ untilAttach: true })`) is accepted but not applied: the result may also hold
 * events from after the caller attached.
 */
export function presenceHistoryRoute(history: PresenceHistory): Route {
  return {
    method: 'GET',
    path: '/channels/:channel/presence/history',
    auth: 'key',
    handle: ({ params, principal, url, raw }) => {
      // `[?rewind=1]room` names channel `room` here too.
      const name = parseChannelName(params.channel ?? '').base;
      validateChannelName(name);
      requireCapability(principal, name, 'history');
      const query = parseHistoryQuery(url);
      const page = history.query(name, query);
      return {
        body: presenceForFormat(page.items, responseFormat(raw, url)),
        headers: paginationHeaders('history', url, query.limit, page.next),
      };
    },
  };
}

function parseHistoryQuery(url: URL): PresenceHistoryQuery {
  const direction = url.searchParams.get('direction') ?? 'backwards';
  if (direction !== 'backwards' && direction !== 'forwards') {
    throw invalidParam('direction', `must be "backwards" or "forwards" (got "${direction}")`);
  }
  const start = parseTimestamp(url, 'start');
  const end = parseTimestamp(url, 'end');
  if (start !== undefined && end !== undefined && start > end) {
    throw invalidParam('start', `must not be later than "end" (start=${start}, end=${end})`);
  }
  const rawCursor = url.searchParams.get('cursor');
  if (rawCursor !== null && !/^\d+$/.test(rawCursor)) {
    throw invalidParam('cursor', 'must be the value from a "next" link; request the first page again');
  }
  return {
    direction,
    limit: parseLimit(url),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    ...(rawCursor !== null ? { cursor: Number(rawCursor) } : {}),
  };
}

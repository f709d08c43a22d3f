import type { Channel } from '../../channels/channel.js';
import type { ChannelRegistry } from '../../channels/channel-registry.js';
import { byCodeUnits, invalidParam, pageAfter, paginationHeaders, parseLimit } from '../pagination.js';
import { requireCapability } from '../require-capability.js';
import type { Route } from '../router.js';
import { channelDetails } from './occupancy.js';

/**
 * `GET /channels[?prefix=&limit=&by=id|value]`: the active channels (something attached or present), sorted by name
 * and paginated by name. `by=id` (the default, as for API version 3+) lists names; `by=value` lists ChannelDetails
 * with occupancy, as `GET /channels/:channel` returns. Needs `channel-metadata` on `*`, as Ably documents; channels the
 * capability does not cover (for example `[meta]` ones under a plain `*`) are left out.
 */
export function channelEnumerationRoute(channels: ChannelRegistry): Route {
  return {
    method: 'GET',
    path: '/channels',
    auth: 'key',
    handle: ({ principal, url }) => {
      requireCapability(principal, '*', 'channel-metadata');
      const by = url.searchParams.get('by') ?? 'id';
      if (by !== 'id' && by !== 'value') throw invalidParam('by', `must be "id" or "value" (got "${by}")`);
      const prefix = url.searchParams.get('prefix') ?? '';
      const limit = parseLimit(url);
      const active: Channel[] = [];
      for (const channel of channels.values()) {
        if (channel.isIdle || !channel.name.startsWith(prefix)) continue;
        if (principal?.capability.allows(channel.name, 'channel-metadata')) active.push(channel);
      }
      active.sort((a, b) => byCodeUnits(a.name, b.name));
      const cursor = url.searchParams.get('cursor') ?? undefined;
      const page = pageAfter(active, (channel) => channel.name, limit, cursor);
      return {
        body: page.items.map((channel) => (by === 'id' ? channel.name : channelDetails(channel.name, channel))),
        headers: paginationHeaders('channels', url, limit, page.next),
      };
    },
  };
}

import type { Principal } from '../../auth/principal.js';
import { parseChannelName } from '../../channels/channel-name.js';
import type { ChannelRegistry } from '../../channels/channel-registry.js';
import type { Member } from '../../presence/presence-set.js';
import { memberToWire } from '../../presence/presence-wire.js';
import { PresenceAction } from '../../protocol/actions.js';
import { AblyError, ErrorCode } from '../../protocol/errors.js';
import { validateChannelName } from '../../protocol/validate.js';
import { presenceForFormat } from '../json-safe-presence.js';
import { byCodeUnits, pageAfter, paginationHeaders, parseLimit } from '../pagination.js';
import { responseFormat } from '../respond.js';
import type { Route } from '../router.js';

/**
 * Why the caller may not read a channel's presence set, or undefined when it may. Reading needs `subscribe` or
 * `presence` (either lets a realtime client see the set), and the channel name must be valid.
 */
export function presenceReadError(principal: Principal | undefined, channel: string): AblyError | undefined {
  try {
    validateChannelName(channel);
  } catch (error) {
    return AblyError.from(error);
  }
  const capability = principal?.capability;
  if (capability?.allows(channel, 'subscribe') || capability?.allows(channel, 'presence')) return undefined;
  return new AblyError(
    ErrorCode.OperationNotPermitted,
    401,
    `Reading presence on channel "${channel}" is not permitted: the credentials need the "subscribe" or "presence" capability for it`,
  );
}

/** A channel's members sorted by member key (clientId:connectionId), the order pages are cut in. */
export function sortedMembers(channels: ChannelRegistry, name: string): Member[] {
  const members = [...(channels.get(name)?.presence.values() ?? [])];
  return members.sort((a, b) => byCodeUnits(a.key, b.key));
}

/**
 * `GET /channels/:channel/presence`: the current members as PRESENT messages, filtered by `clientId` and
 * `connectionId`, paginated by member key so that members entering or leaving between pages do not shift them.
 */
export function presenceRoute(channels: ChannelRegistry): Route {
  return {
    method: 'GET',
    path: '/channels/:channel/presence',
    auth: 'key',
    handle: ({ params, principal, url, raw }) => {
      // `[?rewind=1]room` names channel `room` here too.
      const name = parseChannelName(params.channel ?? '').base;
      const denied = presenceReadError(principal, name);
      if (denied) throw denied;
      const limit = parseLimit(url);
      const clientId = url.searchParams.get('clientId');
      const connectionId = url.searchParams.get('connectionId');
      const members = sortedMembers(channels, name).filter(
        (member) =>
          (clientId === null || member.clientId === clientId) &&
          (connectionId === null || member.connectionId === connectionId),
      );
      const cursor = url.searchParams.get('cursor') ?? undefined;
      const page = pageAfter(members, (member) => member.key, limit, cursor);
      const items = page.items.map((member) => memberToWire(member, PresenceAction.PRESENT));
      return {
        body: presenceForFormat(items, responseFormat(raw, url)),
        headers: paginationHeaders('presence', url, limit, page.next),
      };
    },
  };
}

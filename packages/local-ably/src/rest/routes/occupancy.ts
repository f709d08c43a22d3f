import type { Channel } from '../../channels/channel.js';
import { parseChannelName } from '../../channels/channel-name.js';
import type { ChannelRegistry } from '../../channels/channel-registry.js';
import { computeMetrics } from '../../occupancy/metrics.js';
import { requireCapability } from '../require-capability.js';
import type { Route } from '../router.js';

export const CHAT_CHANNEL_SUFFIX = '::$chat';

/** `GET /chat/v4/rooms/:room/occupancy` → `{connections, presenceMembers}` for `<room>::$chat` (zeros for an unknown room). */
export function chatOccupancyRoute(channels: ChannelRegistry): Route {
  return {
    method: 'GET',
    path: '/chat/v4/rooms/:room/occupancy',
    auth: 'key',
    handle: ({ params, principal }) => {
      const name = `${params.room}${CHAT_CHANNEL_SUFFIX}`;
      requireCapability(principal, name, 'channel-metadata');
      const metrics = channels.get(name)?.metrics() ?? computeMetrics([], 0);
      return { body: { connections: metrics.connections, presenceMembers: metrics.presenceMembers } };
    },
  };
}

/** `GET /channels/:channel`: ChannelDetails with all eight occupancy metrics. */
export function channelStatusRoute(channels: ChannelRegistry): Route {
  return {
    method: 'GET',
    path: '/channels/:channel',
    auth: 'key',
    handle: ({ params, principal }) => {
      // `[?rewind=1]room` names channel `room` here too.
      const name = parseChannelName(params.channel ?? '').base;
      requireCapability(principal, name, 'channel-metadata');
      return { body: channelDetails(name, channels.get(name)) };
    },
  };
}

/** Ably's ChannelDetails for a channel (zeros and `isActive: false` when it does not exist). Also used by `GET /channels?by=value`. */
export function channelDetails(name: string, channel: Channel | undefined) {
  const metrics = channel?.metrics() ?? computeMetrics([], 0);
  return {
    channelId: name,
    name,
    status: { isActive: channel !== undefined && !channel.isIdle, occupancy: { metrics } },
  };
}

/** @ably/chat puts room `<name>` on the channel `<name>::$chat`. */
export const CHAT_ROOM_SUFFIX = '::$chat';

/**
 * The channel that backs a chat room, for plain `ably` clients and the admin API's channel routes.
 *
 * @example
 * realtime.channels.get(chatChannelName('lobby')); // 'lobby::$chat'
 */
export function chatChannelName(room: string): string {
  return `${room}${CHAT_ROOM_SUFFIX}`;
}

/** The chat room a channel backs, or undefined for a plain channel. */
export function roomOfChannel(channel: string): string | undefined {
  return channel.endsWith(CHAT_ROOM_SUFFIX) ? channel.slice(0, -CHAT_ROOM_SUFFIX.length) : undefined;
}

/** `@ably/chat` puts each room on one channel named `<room>::$chat`. */
export const CHAT_CHANNEL_SUFFIX = '::$chat';

/** The channel a chat room lives on. */
export function roomChannelName(room: string): string {
  return `${room}${CHAT_CHANNEL_SUFFIX}`;
}

/** The room a chat channel belongs to, or `null` for a channel that is not a chat room's. */
export function roomNameFromChannel(channel: string): string | null {
  return channel.endsWith(CHAT_CHANNEL_SUFFIX) ? channel.slice(0, -CHAT_CHANNEL_SUFFIX.length) : null;
}

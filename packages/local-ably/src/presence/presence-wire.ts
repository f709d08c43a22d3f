import type { WirePresenceMessage } from '../protocol/types.js';
import type { Member } from './presence-set.js';

/** A member as a wire PresenceMessage with the given action (PRESENT for SYNC, or the event's action). */
export function memberToWire(member: Member, action: number): WirePresenceMessage {
  const wire: WirePresenceMessage = {
    id: member.id,
    action,
    clientId: member.clientId,
    connectionId: member.connectionId,
    timestamp: member.timestamp,
  };
  if (member.data !== undefined) wire.data = member.data;
  if (member.encoding !== undefined) wire.encoding = member.encoding;
  if (member.extras !== undefined) wire.extras = member.extras;
  return wire;
}

import type { ChannelService } from '../channels/channel-service.js';
import type { MessageService } from '../channels/message-service.js';
import type { PresenceService } from '../presence/presence-service.js';
import { Action } from '../protocol/actions.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import type { ProtocolMessage } from '../protocol/types.js';
import { isRecord } from '../protocol/validate.js';
import type { Connection } from './connection.js';
import type { ConnectionRegistry } from './connection-registry.js';

export interface DispatchServices {
  connections: ConnectionRegistry;
  channels: ChannelService;
  presence: PresenceService;
  messages: MessageService;
  /** In-band AUTH; provided by the server so token handling stays in one place. */
  reauthorize(connection: Connection, message: ProtocolMessage): void;
}

type ChannelMessage = ProtocolMessage & { channel: string };
type SerialMessage = ChannelMessage & { msgSerial: number };

/** Routes one validated inbound ProtocolMessage to the service that owns it. */
export function dispatch(services: DispatchServices, connection: Connection, message: ProtocolMessage): void {
  switch (message.action) {
    case Action.HEARTBEAT:
      if (message.id !== undefined) connection.send({ action: Action.HEARTBEAT, id: message.id });
      return;
    case Action.DISCONNECT:
      connection.transport?.end();
      services.connections.dropped(connection);
      return;
    case Action.CLOSE:
      connection.transport?.end({ action: Action.CLOSED });
      services.connections.discard(connection);
      return;
    case Action.ATTACH:
      services.channels.attach(connection, message as ChannelMessage);
      return;
    case Action.DETACH:
      services.channels.detach(connection, message as ChannelMessage);
      return;
    case Action.SYNC:
      services.channels.requestSync(connection, message as ChannelMessage);
      return;
    case Action.AUTH:
      services.reauthorize(connection, message);
      return;
    case Action.PRESENCE:
      if (isDuplicate(connection, message as SerialMessage)) return;
      services.presence.handle(connection, message as SerialMessage);
      return;
    case Action.MESSAGE:
      if (isDuplicate(connection, message as SerialMessage)) return;
      services.messages.publish(connection, message as SerialMessage);
      return;
    default:
      throw new AblyError(
        ErrorCode.BadRequest,
        400,
        `Action ${message.action} is not supported by local-ably (it serves presence, occupancy and messages only)`,
      );
  }
}

/** ably-js resends unacknowledged messages after a resume with their old msgSerial: ACK them again, apply them once. */
function isDuplicate(connection: Connection, message: SerialMessage): boolean {
  if (message.msgSerial <= connection.lastMsgSerial) {
    connection.send({ action: Action.ACK, msgSerial: message.msgSerial, count: 1 });
    return true;
  }
  connection.lastMsgSerial = message.msgSerial;
  return false;
}

const CHANNEL_ACTIONS = new Set<number>([Action.ATTACH, Action.DETACH, Action.SYNC]);
const SERIAL_ACTIONS = new Set<number>([Action.PRESENCE, Action.MESSAGE, Action.OBJECT, Action.ANNOTATION]);

/**
 * Sends a rejection in the narrowest scope that fits: a NACK for a message with a msgSerial, a channel ERROR for a
 * channel operation, and a connection ERROR (fatal, as on Ably) only when the frame cannot be tied to either.
 * Returns true when the connection must close.
 */
export function reject(connection: Connection, frame: unknown, error: AblyError): boolean {
  const info = error.toErrorInfo();
  if (isRecord(frame) && typeof frame.action === 'number') {
    const msgSerial = frame.msgSerial;
    if (
      SERIAL_ACTIONS.has(frame.action) &&
      typeof msgSerial === 'number' &&
      Number.isInteger(msgSerial) &&
      msgSerial >= 0
    ) {
      if (msgSerial > connection.lastMsgSerial) connection.lastMsgSerial = msgSerial;
      connection.send({ action: Action.NACK, msgSerial, count: 1, error: info });
      return false;
    }
    if (CHANNEL_ACTIONS.has(frame.action) && typeof frame.channel === 'string' && frame.channel.length > 0) {
      connection.send({ action: Action.ERROR, channel: frame.channel, error: info });
      return false;
    }
  }
  connection.transport?.end({ action: Action.ERROR, error: info });
  return true;
}

import { mayActAs } from '../auth/principal.js';
import { userClaimFor, withUserClaim } from '../auth/user-claims.js';
import { dataSize } from '../presence/data-size.js';
import { Action, hasMode, Mode } from '../protocol/actions.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import { OutboundFrame } from '../protocol/frame.js';
import type { ProtocolMessage, WireMessage } from '../protocol/types.js';
import type { Connection } from '../realtime/connection.js';
import { deliver } from './attachment.js';
import type { Channel } from './channel.js';
import { parseChannelName } from './channel-name.js';
import type { ChannelRegistry } from './channel-registry.js';
import type { MessageHistory } from './message-history.js';
import { requireAttached } from './require-attached.js';

/** Realtime publishes (MESSAGE from a client): checked, ACKed, and fanned out to subscribers. */
export class MessageService {
  constructor(
    private readonly channels: ChannelRegistry,
    private readonly maxMessageSize: number,
    /** Where published messages are kept for `rewind`. */
    private readonly history?: MessageHistory,
  ) {}

  publish(connection: Connection, message: ProtocolMessage & { channel: string; msgSerial: number }): void {
    const channel = this.publishTarget(connection, message.channel);
    try {
      this.fanOut(connection, channel, message);
    } finally {
      // A publish to a channel nobody attached must not leave it behind, even when the publish was refused.
      this.channels.releaseIfIdle(channel);
    }
  }

  private fanOut(
    connection: Connection,
    channel: Channel,
    message: ProtocolMessage & { channel: string; msgSerial: number },
  ): void {
    const now = Date.now();
    const claim = userClaimFor(connection.principal.userClaims, channel.name);
    const messages = (message.messages ?? []).map((item, index): WireMessage => {
      if (item.clientId !== undefined && !mayActAs(connection.principal, item.clientId)) {
        throw new AblyError(
          ErrorCode.InvalidClientId,
          400,
          `Message clientId "${item.clientId}" does not match the connection's clientId`,
        );
      }
      const size = dataSize(item.data) + dataSize(item.name) + dataSize(item.extras);
      if (size > this.maxMessageSize) {
        throw new AblyError(
          ErrorCode.MaxMessageLengthExceeded,
          400,
          `Message is ${size} bytes; the limit is ${this.maxMessageSize} bytes (maxMessageSize)`,
        );
      }
      // Only the fields Ably defines go out: anything else a client adds would reach subscribers unchecked.
      return {
        name: item.name,
        data: item.data,
        encoding: item.encoding,
        extras: withUserClaim(item.extras, claim),
        id: item.id ?? `${connection.id}:${message.msgSerial}:${index}`,
        clientId: item.clientId ?? connection.clientId,
        connectionId: connection.id,
        timestamp: item.timestamp ?? now,
      };
    });
    const channelSerial = channel.nextSerial();
    const frame = new OutboundFrame({
      action: Action.MESSAGE,
      channel: channel.name,
      channelSerial,
      timestamp: now,
      messages,
    });
    messages.forEach((stored, index) => {
      const size = dataSize(stored.data) + dataSize(stored.name) + dataSize(stored.extras) + 200;
      // One serial per message: the frame's serial, suffixed by position (still ascending, still unique).
      this.history?.append(channel.name, {
        serial: `${channelSerial}:${index}`,
        timestamp: now,
        size,
        wire: () => stored,
      });
    });
    for (const other of channel.attachments.values()) {
      if (!hasMode(other.modes, Mode.SUBSCRIBE)) continue;
      if (other.connection === connection && !connection.echoMessages) continue;
      deliver(other, frame);
    }
    // After the echo, as Ably orders them: a publish() that resolved has already been delivered to its own subscribers.
    connection.send({ action: Action.ACK, msgSerial: message.msgSerial, count: 1 });
  }

  /**
   * The channel a publish goes to. Ably accepts publishes on channels the connection has not attached (ably-js sends
   * them while the channel is still initialized), needing only the `publish` capability; an attachment must also
   * have been granted PUBLISH mode.
   */
  private publishTarget(connection: Connection, wireName: string): Channel {
    if (connection.attachments.has(wireName)) {
      return requireAttached(this.channels, connection, wireName, {
        operation: 'publish',
        mode: Mode.PUBLISH,
        label: 'Publishing',
      }).channel;
    }
    const name = parseChannelName(wireName).base;
    if (!connection.principal.capability.allows(name, 'publish')) {
      throw new AblyError(
        ErrorCode.OperationNotPermitted,
        401,
        `Publishing on channel "${name}" is not permitted: the credentials lack the "publish" capability`,
      );
    }
    return this.channels.getOrCreate(name);
  }
}

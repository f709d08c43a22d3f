import { mayActAs } from '../auth/principal.js';
import { userClaimFor, withUserClaim } from '../auth/user-claims.js';
import { deliver } from '../channels/attachment.js';
import type { Channel } from '../channels/channel.js';
import type { ChannelRegistry } from '../channels/channel-registry.js';
import { requireAttached } from '../channels/require-attached.js';
import type { OccupancyNotifier } from '../occupancy/occupancy-notifier.js';
import { Action, hasMode, Mode, PresenceAction } from '../protocol/actions.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import { OutboundFrame } from '../protocol/frame.js';
import type { ProtocolMessage } from '../protocol/types.js';
import type { Connection } from '../realtime/connection.js';
import { dataSize } from './data-size.js';
import type { PresenceHistory } from './presence-history.js';
import type { Member, PresenceChange, PresenceEvent } from './presence-set.js';
import { memberToWire } from './presence-wire.js';

let idCounter = 0;

/** Applies presence requests from clients, synthesizes leaves, and broadcasts the resulting events. */
export class PresenceService {
  constructor(
    private readonly channels: ChannelRegistry,
    private readonly occupancy: OccupancyNotifier,
    private readonly maxMessageSize: number,
    /** Where every broadcast event is recorded for REST presence history. */
    private readonly history?: PresenceHistory,
  ) {}

  /**
   * Validates and applies one PRESENCE ProtocolMessage. Throws an AblyError (sent back as a NACK) when any item
   * is not allowed; then nothing in the message is applied, so a rejected request loses nothing silently.
   */
  handle(connection: Connection, message: ProtocolMessage & { channel: string; msgSerial: number }): void {
    const { channel } = requireAttached(this.channels, connection, message.channel, {
      operation: 'presence',
      mode: Mode.PRESENCE,
      label: 'Presence',
    });
    const now = Date.now();
    const claim = userClaimFor(connection.principal.userClaims, channel.name);
    const changes = (message.presence ?? []).map((item, index): PresenceChange => {
      const clientId = item.clientId ?? connection.clientId;
      if (clientId === undefined || clientId === '*') {
        throw new AblyError(
          ErrorCode.InvalidClientId,
          400,
          'Malformed message; no clientId in message or inferred from connection. Set a clientId in ClientOptions or use enterClient()',
        );
      }
      if (!mayActAs(connection.principal, clientId)) {
        throw new AblyError(
          ErrorCode.InvalidClientId,
          400,
          `Presence clientId "${clientId}" does not match the connection's clientId "${connection.clientId}"`,
        );
      }
      const size = dataSize(item.data) + dataSize(item.extras) + clientId.length;
      if (size > this.maxMessageSize) {
        throw new AblyError(
          ErrorCode.MaxMessageLengthExceeded,
          400,
          `Presence data is ${size} bytes; the limit is ${this.maxMessageSize} bytes (maxMessageSize)`,
        );
      }
      return {
        action: item.action,
        id: `${connection.id}:${message.msgSerial}:${index}`,
        clientId,
        connectionId: connection.id,
        timestamp: now,
        data: item.data,
        encoding: item.encoding,
        extras: withUserClaim(item.extras, claim),
        reentryId: item.action === PresenceAction.ENTER ? item.id : undefined,
      };
    });
    const before = channel.presence.size;
    const events: PresenceEvent[] = [];
    for (const change of changes) {
      const event = channel.presence.apply(change);
      if (event) events.push(event);
    }
    // The echo goes before the ACK, as on Ably: enter() resolves on the ACK, and the SDK must already hold the member
    // then, or isUserPresent() right after enter() is false.
    this.broadcast(channel, events, connection);
    connection.send({ action: Action.ACK, msgSerial: message.msgSerial, count: 1 });
    if (channel.presence.size !== before) this.occupancy.changed(channel);
  }

  /** Removes a connection's members from one channel with synthesized LEAVEs (detach, close, drop timeout). */
  leaveConnection(channel: Channel, connectionId: string): void {
    const removed = channel.presence.removeConnection(connectionId);
    if (removed.length === 0) return;
    this.broadcast(channel, removed.map(synthesizedLeave));
    this.occupancy.changed(channel);
  }

  /** Sends events to every presence subscriber and always to the originating connection (the SDK tracks its own members from echoes). */
  broadcast(channel: Channel, events: PresenceEvent[], origin?: Connection): void {
    if (events.length === 0) return;
    const timestamp = Date.now();
    const presence = events.map((event) => memberToWire(event.member, event.action));
    this.history?.record(channel.name, presence);
    const frame = new OutboundFrame({
      action: Action.PRESENCE,
      channel: channel.name,
      channelSerial: channel.nextSerial(),
      timestamp,
      presence,
    });
    for (const attachment of channel.attachments.values()) {
      if (hasMode(attachment.modes, Mode.PRESENCE_SUBSCRIBE) || attachment.connection === origin) {
        deliver(attachment, frame);
      }
    }
  }

  /** Sends the whole presence set in pages; the last page has an empty cursor, or `presence.get()` never resolves. */
  sync(channel: Channel, connection: Connection, pageSize: number, wireName = channel.name): void {
    const members = [...channel.presence.values()];
    const syncId = `sync${(++idCounter).toString(36)}`;
    for (let start = 0; start < members.length || start === 0; start += pageSize) {
      const page = members.slice(start, start + pageSize);
      const last = start + pageSize >= members.length;
      connection.send({
        action: Action.SYNC,
        channel: wireName,
        channelSerial: `${syncId}:${last ? '' : (start + pageSize).toString(36)}`,
        presence: page.map((member) => memberToWire(member, PresenceAction.PRESENT)),
      });
    }
  }
}

/** A server-generated LEAVE. Its id must not start with the connectionId, so observers compare by timestamp. */
function synthesizedLeave(member: Member): PresenceEvent {
  const timestamp = Math.max(Date.now(), member.timestamp);
  return {
    action: PresenceAction.LEAVE,
    member: { ...member, id: `!leave-${(++idCounter).toString(36)}:0:0`, timestamp },
  };
}

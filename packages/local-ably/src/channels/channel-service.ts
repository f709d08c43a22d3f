import { parseOccupancyParam } from '../occupancy/metrics.js';
import type { OccupancyNotifier } from '../occupancy/occupancy-notifier.js';
import type { PresenceService } from '../presence/presence-service.js';
import { Action, DEFAULT_MODES, Flag, hasMode, MODE_ALL, Mode } from '../protocol/actions.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import type { ProtocolMessage } from '../protocol/types.js';
import type { Connection } from '../realtime/connection.js';
import { type Attachment, attachmentKey } from './attachment.js';
import type { Channel } from './channel.js';
import { parseChannelName } from './channel-name.js';
import type { ChannelRegistry } from './channel-registry.js';
import type { MessageHistory } from './message-history.js';
import { parseRewind, type RewindSpec, rewindMessages } from './rewind.js';

/** Capability operation → the modes it lets an attachment have. */
const MODES_BY_OPERATION: ReadonlyArray<readonly [string, number]> = [
  ['subscribe', Mode.SUBSCRIBE | Mode.PRESENCE_SUBSCRIBE],
  ['publish', Mode.PUBLISH],
  ['presence', Mode.PRESENCE],
  ['annotation-publish', Mode.ANNOTATION_PUBLISH],
  ['annotation-subscribe', Mode.ANNOTATION_SUBSCRIBE],
  ['object-subscribe', Mode.OBJECT_SUBSCRIBE],
  ['object-publish', Mode.OBJECT_PUBLISH],
];

/** ATTACH, DETACH and client SYNC requests, and removing a connection from a channel. */
export class ChannelService {
  constructor(
    private readonly channels: ChannelRegistry,
    private readonly presence: PresenceService,
    private readonly occupancy: OccupancyNotifier,
    private readonly syncPageSize: number,
    private readonly history?: MessageHistory,
  ) {}

  attach(connection: Connection, message: ProtocolMessage & { channel: string }): void {
    const wireName = message.channel;
    const { base: name, params: qualifierParams } = parseChannelName(wireName);
    const capability = connection.principal.capability;
    if (!capability.allowsAny(name)) {
      // A re-attach after the capability narrowed (a renewed token) must not leave the old attachment receiving.
      if (connection.attachments.has(wireName)) this.removeAttachment(connection, wireName);
      throw deniedChannel(name);
    }
    const requestedParams = { ...qualifierParams, ...message.params };
    const rewind = requestedParams.rewind !== undefined ? parseRewind(requestedParams.rewind) : undefined;
    const channel = this.channels.getOrCreate(name);
    let attachment = connection.attachments.get(wireName);
    const resumed = attachment !== undefined;
    const requested = message.flags !== undefined ? message.flags & MODE_ALL : 0;
    const modes = grantModes(requested === 0 ? DEFAULT_MODES : requested, (op) => capability.allows(name, op));
    const params = echoParams(message.params, capability.allows(name, 'channel-metadata'));
    if (attachment) {
      attachment.modes = modes;
      attachment.params = params.echoed;
      attachment.occupancy = params.occupancy;
    } else {
      attachment = {
        connection,
        modes,
        params: params.echoed,
        occupancy: params.occupancy,
        ...(wireName !== name ? { wireName } : {}),
      };
      connection.attachments.set(wireName, attachment);
      channel.attachments.set(attachmentKey(connection.id, attachment.wireName), attachment);
    }
    const hasPresence = channel.presence.size > 0 && hasMode(modes, Mode.PRESENCE_SUBSCRIBE);
    const reply: ProtocolMessage = {
      action: Action.ATTACHED,
      channel: wireName,
      channelSerial: channel.nextSerial(),
      flags: modes | (hasPresence ? Flag.HAS_PRESENCE : 0) | (resumed ? Flag.RESUMED : 0),
    };
    if (Object.keys(params.echoed).length > 0) reply.params = params.echoed;
    connection.send(reply);
    // A resumed attachment missed nothing, so only a fresh attach replays.
    if (rewind && !resumed && hasMode(modes, Mode.SUBSCRIBE)) this.replay(connection, channel, wireName, rewind);
    if (hasPresence) this.presence.sync(channel, connection, this.syncPageSize, wireName);
    this.occupancy.sendCurrent(channel, attachment);
    this.occupancy.changed(channel);
  }

  private replay(connection: Connection, channel: Channel, wireName: string, rewind: RewindSpec): void {
    for (const stored of rewindMessages(this.history?.list(channel.name) ?? [], rewind)) {
      connection.send({
        action: Action.MESSAGE,
        channel: wireName,
        channelSerial: stored.serial,
        timestamp: stored.timestamp,
        messages: [stored.wire()],
      });
    }
  }

  /**
   * Applies a new capability (after an in-band AUTH) to existing attachments: channels it no longer covers are
   * detached with 40160 and their members leave; occupancy events stop without `channel-metadata`.
   */
  enforceCapability(connection: Connection): void {
    const capability = connection.principal.capability;
    for (const [wireName, attachment] of [...connection.attachments]) {
      const name = parseChannelName(wireName).base;
      if (!capability.allowsAny(name)) {
        // As Ably: DETACHED carrying 40160. The SDK re-attaches once (RTL13a), is refused, and fails the channel.
        connection.send({ action: Action.DETACHED, channel: wireName, error: deniedChannel(name).toErrorInfo() });
        this.removeAttachment(connection, wireName);
      } else if (!capability.allows(name, 'channel-metadata')) {
        attachment.occupancy = undefined;
      }
    }
  }

  detach(connection: Connection, message: ProtocolMessage & { channel: string }): void {
    connection.send({ action: Action.DETACHED, channel: message.channel });
    this.removeAttachment(connection, message.channel);
  }

  /** A client asked for the presence set again. */
  requestSync(connection: Connection, message: ProtocolMessage & { channel: string }): void {
    const channel = this.channels.get(parseChannelName(message.channel).base);
    const attachment = connection.attachments.get(message.channel);
    if (!channel || !attachment) {
      throw new AblyError(
        ErrorCode.InvalidChannelState,
        400,
        `SYNC on channel "${message.channel}" needs it attached first`,
      );
    }
    if (hasMode(attachment.modes, Mode.PRESENCE_SUBSCRIBE)) {
      this.presence.sync(channel, connection, this.syncPageSize, message.channel);
    }
  }

  /** Detaches a connection from a channel (by the name it attached with): its members leave and the counts change. */
  removeAttachment(connection: Connection, wireName: string): void {
    const attachment = connection.attachments.get(wireName);
    connection.attachments.delete(wireName);
    const name = parseChannelName(wireName).base;
    const channel = this.channels.get(name);
    if (!channel) return;
    channel.attachments.delete(attachmentKey(connection.id, attachment?.wireName));
    // Members belong to the channel, not to an alias: they stay while another alias of it is still attached.
    const stillAttached = [...connection.attachments.keys()].some((other) => parseChannelName(other).base === name);
    if (!stillAttached) this.presence.leaveConnection(channel, connection.id);
    this.occupancy.changed(channel);
  }

  /** Leaves every member a connection has on any channel (the drop timer). */
  leaveAll(connection: Connection): void {
    for (const wireName of connection.attachments.keys()) {
      const channel = this.channels.get(parseChannelName(wireName).base);
      if (channel) this.presence.leaveConnection(channel, connection.id);
    }
  }

  detachAll(connection: Connection): void {
    for (const name of [...connection.attachments.keys()]) this.removeAttachment(connection, name);
  }

  get(name: string): Channel | undefined {
    return this.channels.get(name);
  }
}

function deniedChannel(name: string): AblyError {
  return new AblyError(
    ErrorCode.OperationNotPermitted,
    401,
    `Channel denied access based on given capability: no capability for channel "${name}"`,
  );
}

function grantModes(requested: number, allows: (operation: string) => boolean): number {
  let allowed = 0;
  for (const [operation, modes] of MODES_BY_OPERATION) if (allows(operation)) allowed |= modes;
  return requested & allowed;
}

function echoParams(
  params: Record<string, string> | undefined,
  mayReadMetadata: boolean,
): { echoed: Record<string, string>; occupancy: Attachment['occupancy'] } {
  const echoed: Record<string, string> = {};
  let occupancy: Attachment['occupancy'];
  for (const [key, value] of Object.entries(params ?? {})) {
    if (key === 'agent') continue;
    if (key === 'occupancy') {
      occupancy = mayReadMetadata ? parseOccupancyParam(value) : undefined;
      if (occupancy) echoed[key] = value;
      continue;
    }
    echoed[key] = value;
  }
  return { echoed, occupancy };
}

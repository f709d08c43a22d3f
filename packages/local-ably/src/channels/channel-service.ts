import { parseOccupancyParam } from '../occupancy/metrics.js';
import type { OccupancyNotifier } from '../occupancy/occupancy-notifier.js';
import type { PresenceService } from '../presence/presence-service.js';
import { Action, DEFAULT_MODES, Flag, hasMode, MODE_ALL, Mode } from '../protocol/actions.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import type { ProtocolMessage } from '../protocol/types.js';
import type { Connection } from '../realtime/connection.js';
import type { Attachment } from './attachment.js';
import type { Channel } from './channel.js';
import type { ChannelRegistry } from './channel-registry.js';

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
  ) {}

  attach(connection: Connection, message: ProtocolMessage & { channel: string }): void {
    const name = message.channel;
    const capability = connection.principal.capability;
    if (!capability.allowsAny(name)) {
      // A re-attach after the capability narrowed (a renewed token) must not leave the old attachment receiving.
      if (connection.attachments.has(name)) this.removeAttachment(connection, name);
      throw deniedChannel(name);
    }
    const channel = this.channels.getOrCreate(name);
    let attachment = connection.attachments.get(name);
    const resumed = attachment !== undefined;
    const requested = message.flags !== undefined ? message.flags & MODE_ALL : 0;
    const modes = grantModes(requested === 0 ? DEFAULT_MODES : requested, (op) => capability.allows(name, op));
    const params = echoParams(message.params, capability.allows(name, 'channel-metadata'));
    if (attachment) {
      attachment.modes = modes;
      attachment.params = params.echoed;
      attachment.occupancy = params.occupancy;
    } else {
      attachment = { connection, modes, params: params.echoed, occupancy: params.occupancy };
      connection.attachments.set(name, attachment);
      channel.attachments.set(connection.id, attachment);
    }
    const hasPresence = channel.presence.size > 0 && hasMode(modes, Mode.PRESENCE_SUBSCRIBE);
    const reply: ProtocolMessage = {
      action: Action.ATTACHED,
      channel: name,
      channelSerial: channel.nextSerial(),
      flags: modes | (hasPresence ? Flag.HAS_PRESENCE : 0) | (resumed ? Flag.RESUMED : 0),
    };
    if (Object.keys(params.echoed).length > 0) reply.params = params.echoed;
    connection.send(reply);
    if (hasPresence) this.presence.sync(channel, connection, this.syncPageSize);
    this.occupancy.sendCurrent(channel, attachment);
    this.occupancy.changed(channel);
  }

  /**
   * Applies a new capability (after an in-band AUTH) to existing attachments: channels it no longer covers get a
   * channel ERROR 40160 (the SDK fails them) and their members leave; occupancy events stop without `channel-metadata`.
   */
  enforceCapability(connection: Connection): void {
    const capability = connection.principal.capability;
    for (const [name, attachment] of [...connection.attachments]) {
      if (!capability.allowsAny(name)) {
        connection.send({ action: Action.ERROR, channel: name, error: deniedChannel(name).toErrorInfo() });
        this.removeAttachment(connection, name);
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
    const channel = this.channels.get(message.channel);
    const attachment = connection.attachments.get(message.channel);
    if (!channel || !attachment) {
      throw new AblyError(
        ErrorCode.InvalidChannelState,
        400,
        `SYNC on channel "${message.channel}" needs it attached first`,
      );
    }
    if (hasMode(attachment.modes, Mode.PRESENCE_SUBSCRIBE)) this.presence.sync(channel, connection, this.syncPageSize);
  }

  /** Detaches a connection from a channel: its members leave at once and the counts change. */
  removeAttachment(connection: Connection, name: string): void {
    connection.attachments.delete(name);
    const channel = this.channels.get(name);
    if (!channel) return;
    channel.attachments.delete(connection.id);
    this.presence.leaveConnection(channel, connection.id);
    this.occupancy.changed(channel);
  }

  /** Leaves every member a connection has on any channel (the drop timer). */
  leaveAll(connection: Connection): void {
    for (const name of connection.attachments.keys()) {
      const channel = this.channels.get(name);
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

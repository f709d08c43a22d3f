import { hasMode } from '../protocol/actions.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import type { Connection } from '../realtime/connection.js';
import type { Attachment } from './attachment.js';
import type { Channel } from './channel.js';
import { parseChannelName } from './channel-name.js';
import type { ChannelRegistry } from './channel-registry.js';

export interface ChannelOperation {
  /** Capability operation needed, e.g. `presence` or `publish`. */
  operation: string;
  /** Granted mode bit needed on the attachment. */
  mode: number;
  /** How to name the operation in errors, e.g. "Presence" or "Publishing". */
  label: string;
}

/**
 * The channel and attachment a client operation acts on, or the error Ably gives: 90001 when the channel is not
 * attached, 40160 when the capability or the granted mode does not allow the operation.
 */
export function requireAttached(
  channels: ChannelRegistry,
  connection: Connection,
  name: string,
  { operation, mode, label }: ChannelOperation,
): { channel: Channel; attachment: Attachment } {
  const attachment = connection.attachments.get(name);
  // `[?rewind=1]room` is channel `room`: capabilities and state are the base channel's.
  const base = parseChannelName(name).base;
  const channel = channels.get(base);
  if (!attachment || !channel) {
    throw new AblyError(
      ErrorCode.InvalidChannelState,
      400,
      `${label} on channel "${name}" needs the channel attached first`,
    );
  }
  if (!connection.principal.capability.allows(base, operation) || !hasMode(attachment.modes, mode)) {
    throw new AblyError(
      ErrorCode.OperationNotPermitted,
      401,
      `${label} on channel "${name}" is not permitted: the credentials lack the "${operation}" capability`,
    );
  }
  return { channel, attachment };
}

import { ACTION_NAMES, Action, PresenceAction } from './actions.js';
import { AblyError, badRequest, ErrorCode } from './errors.js';
import type { ProtocolMessage, WireMessage, WirePresenceMessage } from './types.js';

/** Actions a client may send. Everything else is server-to-client only or unknown. */
const CLIENT_ACTIONS = new Set<number>([
  Action.HEARTBEAT,
  Action.DISCONNECT,
  Action.CLOSE,
  Action.ATTACH,
  Action.DETACH,
  Action.PRESENCE,
  Action.MESSAGE,
  Action.SYNC,
  Action.AUTH,
  Action.OBJECT,
  Action.ANNOTATION,
]);

const CHANNEL_ACTIONS = new Set<number>([
  Action.ATTACH,
  Action.DETACH,
  Action.PRESENCE,
  Action.MESSAGE,
  Action.SYNC,
  Action.OBJECT,
  Action.ANNOTATION,
]);

const SERIAL_ACTIONS = new Set<number>([Action.PRESENCE, Action.MESSAGE, Action.OBJECT, Action.ANNOTATION]);

const MAX_CHANNEL_NAME_LENGTH = 2048;

/**
 * Checks the shape of a decoded inbound frame and returns it typed. Every rule that fails throws an AblyError
 * whose message says which field is wrong, so the client (or the developer reading its log) can fix it.
 */
export function validateInbound(value: unknown): ProtocolMessage {
  if (!isRecord(value)) throw badRequest('Invalid protocol message: expected an object with a numeric "action"');
  const action = value.action;
  if (typeof action !== 'number' || !Number.isInteger(action)) {
    throw badRequest('Invalid protocol message: "action" must be an integer');
  }
  if (!CLIENT_ACTIONS.has(action)) {
    const name = ACTION_NAMES[action];
    throw badRequest(
      name
        ? `Invalid protocol message: action ${action} (${name}) is sent by the server, not by clients`
        : `Invalid protocol message: unknown action ${action}`,
    );
  }
  const message = value as unknown as ProtocolMessage;
  if (CHANNEL_ACTIONS.has(action)) validateChannelName(value.channel);
  if (SERIAL_ACTIONS.has(action)) {
    if (typeof value.msgSerial !== 'number' || !Number.isInteger(value.msgSerial) || value.msgSerial < 0) {
      throw badRequest(`Invalid protocol message: ${ACTION_NAMES[action]} needs a non-negative integer "msgSerial"`);
    }
  }
  optional(value, 'id', 'string');
  optional(value, 'channelSerial', 'string');
  optional(value, 'flags', 'number');
  if (value.params !== undefined) validateParams(value.params);
  if (action === Action.PRESENCE) validatePresenceList(value.presence);
  if (action === Action.MESSAGE) validateMessageList(value.messages);
  if (action === Action.AUTH && value.auth !== undefined) {
    if (!isRecord(value.auth)) throw badRequest('Invalid AUTH message: "auth" must be an object');
    optional(value.auth, 'accessToken', 'string');
  }
  return message;
}

export function validateChannelName(channel: unknown): asserts channel is string {
  if (typeof channel !== 'string' || channel.length === 0) {
    throw new AblyError(
      ErrorCode.InvalidChannelName,
      400,
      'Invalid channel name: a non-empty string "channel" is required',
    );
  }
  if (channel.length > MAX_CHANNEL_NAME_LENGTH) {
    throw new AblyError(
      ErrorCode.InvalidChannelName,
      400,
      `Invalid channel name: longer than ${MAX_CHANNEL_NAME_LENGTH} characters`,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(channel)) {
    throw new AblyError(ErrorCode.InvalidChannelName, 400, 'Invalid channel name: control characters are not allowed');
  }
  if (channel.startsWith('[') && !/^\[(meta|\?[^\]]*)\]./.test(channel)) {
    throw new AblyError(
      ErrorCode.InvalidChannelName,
      400,
      `Invalid channel name "${channel}": a leading "[" must open a qualifier such as [meta] or [?params]`,
    );
  }
}

function validateParams(params: unknown): void {
  if (!isRecord(params)) throw badRequest('Invalid protocol message: "params" must be an object of strings');
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') throw badRequest(`Invalid protocol message: param "${key}" must be a string`);
  }
}

function validatePresenceList(list: unknown): asserts list is WirePresenceMessage[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw badRequest('Invalid PRESENCE message: "presence" must be a non-empty array');
  }
  for (const [index, item] of list.entries()) {
    if (!isRecord(item)) throw badRequest(`Invalid PRESENCE message: presence[${index}] must be an object`);
    const action = item.action;
    if (action !== PresenceAction.ENTER && action !== PresenceAction.LEAVE && action !== PresenceAction.UPDATE) {
      throw badRequest(
        `Invalid PRESENCE message: presence[${index}].action must be 2 (enter), 3 (leave) or 4 (update), got ${JSON.stringify(action)}`,
      );
    }
    optional(item, 'clientId', 'string', `presence[${index}]`);
    optional(item, 'id', 'string', `presence[${index}]`);
    optional(item, 'encoding', 'string', `presence[${index}]`);
    if (item.clientId === '') throw badRequest(`Invalid PRESENCE message: presence[${index}].clientId is empty`, 40012);
  }
}

function validateMessageList(list: unknown): asserts list is WireMessage[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw badRequest('Invalid MESSAGE message: "messages" must be a non-empty array');
  }
  for (const [index, item] of list.entries()) {
    if (!isRecord(item)) throw badRequest(`Invalid MESSAGE message: messages[${index}] must be an object`);
    optional(item, 'name', 'string', `messages[${index}]`);
    optional(item, 'id', 'string', `messages[${index}]`);
    optional(item, 'timestamp', 'number', `messages[${index}]`);
    optional(item, 'clientId', 'string', `messages[${index}]`);
    optional(item, 'encoding', 'string', `messages[${index}]`);
  }
}

function optional(record: Record<string, unknown>, key: string, type: 'string' | 'number', where = 'message'): void {
  const value = record[key];
  if (value !== undefined && value !== null && typeof value !== type) {
    throw badRequest(`Invalid protocol message: ${where}.${key} must be a ${type}`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

import type { Principal } from '../auth/principal.js';
import { userClaimFor } from '../auth/user-claims.js';
import { deliver } from '../channels/attachment.js';
import type { ChannelRegistry } from '../channels/channel-registry.js';
import type { MessageHistory } from '../channels/message-history.js';
import { dataSize } from '../presence/data-size.js';
import { Action, hasMode, Mode } from '../protocol/actions.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import { OutboundFrame } from '../protocol/frame.js';
import type { WireMessage } from '../protocol/types.js';
import { validateChannelName } from '../protocol/validate.js';
import { requireCapability } from '../rest/require-capability.js';
import { type ChatContent, ChatMessageRecord, type ChatVersion, type RestChatMessage } from './chat-message.js';
import { parseReactionKind, REACTION_TYPES, type ReactionKind, type ReactionSummary } from './message-reactions.js';

export const CHAT_CHANNEL_SUFFIX = '::$chat';
/** Replies remembered for idempotent retries; each can be up to maxMessageSize, so keep few. */
const IDEMPOTENCY_KEYS = 256;
const MAX_REACTION_NAME = 1_024;
const MAX_REACTION_COUNT = 1_000_000;
/** Reactions (one per client and name) a message may hold, so one message cannot grow without bound. */
const MAX_REACTIONS_PER_MESSAGE = 2_000;

/** A validated history query (`GET /chat/v4/rooms/:room/messages`). */
export interface ChatHistoryQuery {
  direction: 'backwards' | 'forwards';
  limit: number;
  start?: number;
  end?: number;
  /** Only messages before this serial (chat passes the channel's attach serial for "history before subscribe"). */
  fromSerial?: string;
  /** The last serial of the previous page. */
  cursor?: string;
}

/**
 * The Chat REST API's message operations (send, history, get, update, delete, versions, reactions), kept in the
 * channel's message history and delivered to realtime subscribers of `<room>::$chat` as Ably delivers them.
 */
export class ChatMessages {
  /** Replies to requests that carried an `idempotencyKey`, so a retried send publishes once. */
  private readonly replies = new Map<string, RestChatMessage>();

  constructor(
    private readonly channels: ChannelRegistry,
    private readonly history: MessageHistory,
    private readonly maxMessageSize: number,
  ) {}

  send(principal: Principal | undefined, room: string, body: unknown, idempotencyKey?: string): RestChatMessage {
    const channel = roomChannel(room);
    requireCapability(principal, channel, 'publish');
    const clientId = identity(principal);
    return this.once(principal, `send:${room}`, idempotencyKey, () => {
      const content = this.readContent(body, 'message');
      const serial = this.channels.clock.next();
      const record = new ChatMessageRecord(
        serial,
        clientId,
        Date.now(),
        content,
        userClaimFor(principal?.userClaims, channel),
      );
      this.history.append(channel, {
        serial,
        timestamp: record.timestamp,
        get size() {
          return record.size;
        },
        wire: () => record.toWire(),
        chat: record,
      });
      this.publish(channel, serial, record.toWire());
      return record.toRest();
    });
  }

  update(
    principal: Principal | undefined,
    room: string,
    serial: string,
    body: unknown,
    idempotencyKey?: string,
  ): RestChatMessage {
    return this.amend(principal, room, serial, 'update', idempotencyKey, () => {
      const request = asObject(body, 'body');
      return { request, content: this.readContent(request.message, 'message') };
    });
  }

  delete(
    principal: Principal | undefined,
    room: string,
    serial: string,
    body: unknown,
    idempotencyKey?: string,
  ): RestChatMessage {
    return this.amend(principal, room, serial, 'delete', idempotencyKey, () => ({
      request: body === undefined ? {} : asObject(body, 'body'),
      // A deleted message keeps its serial and sender but no longer its text (as chat's own tests expect).
      content: { text: '', metadata: {}, headers: {} },
    }));
  }

  /** An update or delete: the sender's (or an `-any`) capability, once per idempotency key, then the new version. */
  private amend(
    principal: Principal | undefined,
    room: string,
    serial: string,
    operation: 'update' | 'delete',
    idempotencyKey: string | undefined,
    read: () => { request: Record<string, unknown>; content: ChatContent },
  ): RestChatMessage {
    const channel = roomChannel(room);
    const record = this.find(channel, serial);
    requireOwnOrAny(principal, channel, record, operation);
    return this.once(principal, `${operation}:${room}:${serial}`, idempotencyKey, () => {
      const { request, content } = read();
      this.change(channel, record, `message.${operation}`, content, this.version(principal, request));
      return record.toRest();
    });
  }

  get(principal: Principal | undefined, room: string, serial: string): RestChatMessage {
    const channel = roomChannel(room);
    requireCapability(principal, channel, 'history');
    return this.find(channel, serial).toRest();
  }

  versions(principal: Principal | undefined, room: string, serial: string): RestChatMessage[] {
    const channel = roomChannel(room);
    requireCapability(principal, channel, 'history');
    return [...this.find(channel, serial).versions];
  }

  /** One page of a room's messages in the requested order, and the cursor for the next page. */
  query(
    principal: Principal | undefined,
    room: string,
    query: ChatHistoryQuery,
  ): { items: RestChatMessage[]; next?: string } {
    const channel = roomChannel(room);
    requireCapability(principal, channel, 'history');
    const matching = this.history.list(channel).filter((stored) => {
      if (!stored.chat) return false;
      // Inclusive: chat passes the channelSerial of the last message it saw, which is that message's serial.
      if (query.fromSerial !== undefined && stored.serial > query.fromSerial) return false;
      if (query.start !== undefined && stored.timestamp < query.start) return false;
      if (query.end !== undefined && stored.timestamp > query.end) return false;
      if (query.cursor === undefined) return true;
      return query.direction === 'backwards' ? stored.serial < query.cursor : stored.serial > query.cursor;
    });
    if (query.direction === 'backwards') matching.reverse();
    const page = matching.slice(0, query.limit);
    const items = page.map((stored) => (stored.chat as ChatMessageRecord).toRest());
    const last = page[page.length - 1];
    return matching.length > query.limit && last ? { items, next: last.serial } : { items };
  }

  react(principal: Principal | undefined, room: string, serial: string, body: unknown): void {
    const channel = roomChannel(room);
    requireCapability(principal, channel, 'annotation-publish');
    const clientId = identity(principal);
    const record = this.find(channel, serial);
    const request = asObject(body, 'body');
    const kind = readKind(request.type);
    const name = readReactionName(request.name);
    let count = 1;
    if (request.count !== undefined) {
      if (kind !== 'multiple') throw invalid('count', 'is only for reactions of type "multiple"');
      if (
        !Number.isInteger(request.count) ||
        (request.count as number) < 1 ||
        (request.count as number) > MAX_REACTION_COUNT
      ) {
        throw invalid('count', `must be an integer from 1 to ${MAX_REACTION_COUNT}`);
      }
      count = request.count as number;
    }
    if (record.reactions.size >= MAX_REACTIONS_PER_MESSAGE) {
      throw new AblyError(
        ErrorCode.InvalidParameterValue,
        400,
        `This message already holds ${MAX_REACTIONS_PER_MESSAGE} reactions, local-ably's limit per message; delete some first`,
      );
    }
    const before = record.size;
    if (kind === 'unique') record.reactions.remove('unique', clientId, undefined);
    record.reactions.add(kind, clientId, name, count);
    this.history.resized(record.size - before);
    this.reactionChanged(channel, record, {
      action: 0,
      type: REACTION_TYPES[kind],
      name,
      clientId,
      ...(kind === 'multiple' ? { count } : {}),
      principal,
    });
  }

  unreact(principal: Principal | undefined, room: string, serial: string, params: URLSearchParams): void {
    const channel = roomChannel(room);
    requireCapability(principal, channel, 'annotation-publish');
    const clientId = identity(principal);
    const record = this.find(channel, serial);
    const kind = readKind(params.get('type'));
    const name = kind === 'unique' ? undefined : readReactionName(params.get('name'));
    if (!record.reactions.remove(kind, clientId, name)) return;
    this.reactionChanged(channel, record, {
      action: 1,
      type: REACTION_TYPES[kind],
      clientId,
      ...(name !== undefined ? { name } : {}),
      principal,
    });
  }

  clientReactions(
    principal: Principal | undefined,
    room: string,
    serial: string,
    forClientId?: string,
  ): ReactionSummary {
    const channel = roomChannel(room);
    requireCapability(principal, channel, 'history');
    const clientId = forClientId ?? identity(principal);
    return this.find(channel, serial).reactions.summary(clientId);
  }

  clear(): void {
    this.replies.clear();
  }

  private change(
    channel: string,
    record: ChatMessageRecord,
    action: 'message.update' | 'message.delete',
    content: ChatContent,
    version: ChatVersion,
  ): void {
    const before = record.size;
    record.apply(action, content, version);
    this.history.resized(record.size - before);
    this.publish(channel, version.serial, record.toWire());
  }

  private reactionChanged(
    channel: string,
    record: ChatMessageRecord,
    annotation: {
      action: number;
      type: string;
      name?: string;
      clientId: string;
      count?: number;
      principal?: Principal;
    },
  ): void {
    const serial = this.channels.clock.next();
    this.publish(channel, serial, record.summaryWire());
    const live = this.channels.get(channel);
    if (!live) return;
    const { principal, ...fields } = annotation;
    const claim = userClaimFor(principal?.userClaims, channel);
    const frame = new OutboundFrame({
      action: Action.ANNOTATION,
      channel,
      channelSerial: serial,
      annotations: [
        {
          id: serial,
          serial,
          messageSerial: record.serial,
          timestamp: Date.now(),
          ...fields,
          ...(claim !== undefined ? { extras: { userClaim: claim } } : {}),
        },
      ],
    });
    for (const attachment of live.attachments.values()) {
      if (hasMode(attachment.modes, Mode.ANNOTATION_SUBSCRIBE)) deliver(attachment, frame);
    }
  }

  private publish(channel: string, channelSerial: string, message: WireMessage): void {
    const live = this.channels.get(channel);
    if (!live) return;
    const frame = new OutboundFrame({
      action: Action.MESSAGE,
      channel,
      channelSerial,
      timestamp: Date.now(),
      messages: [message],
    });
    for (const attachment of live.attachments.values()) {
      if (hasMode(attachment.modes, Mode.SUBSCRIBE)) deliver(attachment, frame);
    }
  }

  private find(channel: string, serial: string): ChatMessageRecord {
    const record = this.history.get(channel, serial)?.chat;
    if (!record) {
      throw new AblyError(
        ErrorCode.NotFound,
        404,
        `No message with serial "${serial}" in this room (local-ably keeps the last messages of each room only)`,
      );
    }
    return record;
  }

  private version(principal: Principal | undefined, request: Record<string, unknown>): ChatVersion {
    const version: ChatVersion = { serial: this.channels.clock.next(), timestamp: Date.now() };
    const clientId = principal?.clientId;
    if (clientId !== undefined && clientId !== '*') version.clientId = clientId;
    if (request.description !== undefined) {
      if (typeof request.description !== 'string') throw invalid('description', 'must be a string');
      version.description = request.description;
    }
    if (request.metadata !== undefined) version.metadata = readStringMap(request.metadata, 'metadata');
    return version;
  }

  private readContent(value: unknown, where: string): ChatContent {
    const message = asObject(value, where);
    if (typeof message.text !== 'string') throw invalid(`${where}.text`, 'must be a string');
    const metadata = message.metadata === undefined ? {} : asObject(message.metadata, `${where}.metadata`);
    const headers = message.headers === undefined ? {} : asObject(message.headers, `${where}.headers`);
    for (const [key, header] of Object.entries(headers)) {
      if (header !== null && !['string', 'number', 'boolean'].includes(typeof header)) {
        throw invalid(`${where}.headers.${key}`, 'must be a string, number, boolean or null');
      }
    }
    const size = dataSize(message.text) + dataSize(metadata) + dataSize(headers);
    if (size > this.maxMessageSize) {
      throw new AblyError(
        ErrorCode.MaxMessageLengthExceeded,
        400,
        `Message is ${size} bytes; the limit is ${this.maxMessageSize} bytes (maxMessageSize)`,
      );
    }
    return { text: message.text, metadata, headers };
  }

  private once(
    principal: Principal | undefined,
    operation: string,
    idempotencyKey: string | undefined,
    run: () => RestChatMessage,
  ): RestChatMessage {
    if (idempotencyKey === undefined) return run();
    const key = `${principal?.keyName}\u0000${principal?.clientId}\u0000${operation}\u0000${idempotencyKey}`;
    const earlier = this.replies.get(key);
    if (earlier) return earlier;
    const reply = run();
    this.replies.set(key, reply);
    if (this.replies.size > IDEMPOTENCY_KEYS) this.replies.delete(this.replies.keys().next().value as string);
    return reply;
  }
}

/** The channel a room's messages travel on, after checking the room name makes a valid channel name. */
export function roomChannel(room: string): string {
  const channel = `${room}${CHAT_CHANNEL_SUFFIX}`;
  validateChannelName(channel);
  return channel;
}

function identity(principal: Principal | undefined): string {
  const clientId = principal?.clientId;
  if (clientId === undefined || clientId === '*') {
    throw new AblyError(
      ErrorCode.InvalidClientId,
      400,
      'Chat messages and reactions need an identified client: set a clientId (ClientOptions.clientId or in the token)',
    );
  }
  return clientId;
}

function requireOwnOrAny(
  principal: Principal | undefined,
  channel: string,
  record: ChatMessageRecord,
  operation: 'update' | 'delete',
): void {
  const capability = principal?.capability;
  const own = principal?.clientId !== undefined && principal.clientId === record.clientId;
  if (capability?.allows(channel, `message-${operation}-any`)) return;
  if (own && capability?.allows(channel, `message-${operation}-own`)) return;
  throw new AblyError(
    ErrorCode.OperationNotPermitted,
    401,
    `Operation "${operation}" on this message is not permitted: it needs "message-${operation}-any"` +
      (own ? ` or "message-${operation}-own"` : " (the message is another client's)"),
  );
}

function readKind(type: unknown): ReactionKind {
  const kind = parseReactionKind(type);
  if (!kind) throw invalid('type', 'must be "unique", "distinct" or "multiple"');
  return kind;
}

function readReactionName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_REACTION_NAME) {
    throw invalid('name', `must be a non-empty string of at most ${MAX_REACTION_NAME} characters`);
  }
  return name;
}

function readStringMap(value: unknown, where: string): Record<string, string> {
  const map = asObject(value, where);
  for (const [key, entry] of Object.entries(map)) {
    if (typeof entry !== 'string') throw invalid(`${where}.${key}`, 'must be a string');
  }
  return map as Record<string, string>;
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw invalid(where, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function invalid(name: string, problem: string): AblyError {
  return new AblyError(ErrorCode.InvalidParameterValue, 400, `Invalid value for "${name}": ${problem}`);
}

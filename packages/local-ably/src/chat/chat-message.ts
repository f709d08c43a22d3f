import type { WireMessage } from '../protocol/types.js';
import { MessageReactions } from './message-reactions.js';

/** The event name chat messages travel under on the room's channel. */
export const CHAT_MESSAGE_NAME = 'chat.message';

/** Versions kept per message for `GET …/versions`; the oldest go first. */
const MAX_VERSIONS = 100;

export type ChatAction = 'message.create' | 'message.update' | 'message.delete';

/** Ably's numeric message actions on the wire (ably-js maps them to these strings). */
const WIRE_ACTIONS: Record<ChatAction | 'message.summary', number> = {
  'message.create': 0,
  'message.update': 1,
  'message.delete': 2,
  'message.summary': 4,
};

export interface ChatVersion {
  serial: string;
  timestamp: number;
  clientId?: string;
  description?: string;
  metadata?: Record<string, string>;
}

/** What a message holds at one version (create, or after an update or delete). */
export interface ChatContent {
  text: string;
  metadata: Record<string, unknown>;
  headers: Record<string, unknown>;
}

/** A chat message as the Chat REST API v4 returns it (`RestMessage` in @ably/chat). */
export interface RestChatMessage extends ChatContent {
  serial: string;
  clientId: string;
  action: ChatAction;
  version: ChatVersion;
  timestamp: number;
  userClaim?: string;
  reactions?: ReturnType<MessageReactions['summary']>;
}

/**
 * One chat message and its history of versions. `serial` and `timestamp` never change; `action`, the content and
 * `version` follow the latest operation, as Ably's mutable messages do.
 */
export class ChatMessageRecord {
  readonly reactions = new MessageReactions();
  /** Every version, oldest first (for `GET …/versions`), at most MAX_VERSIONS. */
  readonly versions: RestChatMessage[] = [];
  /** Bytes of content held across the kept versions. */
  private versionBytes = 0;
  action: ChatAction = 'message.create';
  content: ChatContent;
  version: ChatVersion;

  constructor(
    readonly serial: string,
    readonly clientId: string,
    readonly timestamp: number,
    content: ChatContent,
    readonly userClaim: string | undefined,
    readonly connectionId?: string,
  ) {
    this.content = content;
    this.version = { serial, timestamp };
    this.keepVersion();
  }

  /** Applies an update or delete as a new version. */
  apply(action: 'message.update' | 'message.delete', content: ChatContent, version: ChatVersion): void {
    this.action = action;
    this.content = content;
    this.version = version;
    this.keepVersion();
  }

  private keepVersion(): void {
    const version = this.toRest(false);
    this.versions.push(version);
    this.versionBytes += contentBytes(version);
    while (this.versions.length > MAX_VERSIONS) {
      const dropped = this.versions.shift();
      if (dropped) this.versionBytes -= contentBytes(dropped);
    }
  }

  toRest(withReactions = true): RestChatMessage {
    const rest: RestChatMessage = {
      serial: this.serial,
      clientId: this.clientId,
      action: this.action,
      version: { ...this.version },
      timestamp: this.timestamp,
      text: this.content.text,
      metadata: this.content.metadata,
      headers: this.content.headers,
    };
    if (this.userClaim !== undefined) rest.userClaim = this.userClaim;
    if (withReactions) rest.reactions = this.reactions.summary();
    return rest;
  }

  /**
   * The realtime form subscribers receive: name `chat.message`, numeric `action`, `serial`, `version`, the text and
   * metadata as JSON-encoded `data` (decoded by the SDK on either protocol), headers and the user claim in `extras`.
   */
  toWire(): WireMessage {
    const extras: Record<string, unknown> = { headers: this.content.headers };
    if (this.userClaim !== undefined) extras.userClaim = this.userClaim;
    return {
      id: this.version.serial,
      name: CHAT_MESSAGE_NAME,
      action: WIRE_ACTIONS[this.action],
      serial: this.serial,
      version: { ...this.version },
      clientId: this.clientId,
      ...(this.connectionId !== undefined ? { connectionId: this.connectionId } : {}),
      timestamp: this.timestamp,
      data: JSON.stringify({ text: this.content.text, metadata: this.content.metadata }),
      encoding: 'json',
      extras,
    };
  }

  /** A `message.summary` event: the reactions as they now stand, for the message with this serial. */
  summaryWire(): WireMessage {
    return {
      action: WIRE_ACTIONS['message.summary'],
      serial: this.serial,
      timestamp: Date.now(),
      annotations: { summary: this.reactions.wireSummary() },
    };
  }

  /** Rough bytes held, for the history's byte budget. */
  get size(): number {
    // A reaction holds a clientId and a name (up to 1 KiB); count generously.
    return 300 + this.versionBytes + this.reactions.size * 256;
  }
}

function contentBytes(message: ChatContent): number {
  return 200 + message.text.length + JSON.stringify(message.metadata).length + JSON.stringify(message.headers).length;
}

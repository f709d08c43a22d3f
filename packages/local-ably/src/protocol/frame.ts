import { encodeFrame, type WireFormat } from './codec.js';
import type { ProtocolMessage, WirePresenceMessage } from './types.js';

/**
 * An outbound ProtocolMessage encoded at most once per wire format, so a broadcast to 500 subscribers costs two
 * encodes, not 500.
 */
export class OutboundFrame {
  private json?: string;
  private msgpack?: Buffer;
  private renamed?: Map<string, OutboundFrame>;

  constructor(readonly message: ProtocolMessage) {}

  /** The same frame addressed to another channel name (a `[?params]` alias); encoded once per alias. */
  forChannel(name: string): OutboundFrame {
    if (name === this.message.channel) return this;
    this.renamed ??= new Map();
    let frame = this.renamed.get(name);
    if (!frame) {
      frame = new OutboundFrame({ ...this.message, channel: name });
      this.renamed.set(name, frame);
    }
    return frame;
  }

  encoded(format: WireFormat): string | Buffer {
    if (format === 'msgpack') {
      this.msgpack ??= encodeFrame(this.message, 'msgpack') as Buffer;
      return this.msgpack;
    }
    this.json ??= encodeFrame(toJsonSafe(this.message), 'json') as string;
    return this.json;
  }
}

/**
 * JSON cannot carry raw bytes: binary `data` (sent by a msgpack client) goes out base64-encoded, with `base64` appended
 * to its encoding chain, which is how the SDKs send binary over JSON.
 */
function toJsonSafe(message: ProtocolMessage): ProtocolMessage {
  const fix = <T extends { data?: unknown; encoding?: string }>(item: T): T => {
    if (!(item.data instanceof Uint8Array)) return item;
    const base64 = Buffer.from(item.data).toString('base64');
    return { ...item, data: base64, encoding: item.encoding ? `${item.encoding}/base64` : 'base64' };
  };
  const needsFix = (list?: Array<{ data?: unknown }>) => list?.some((item) => item.data instanceof Uint8Array);
  if (!needsFix(message.presence) && !needsFix(message.messages)) return message;
  return {
    ...message,
    presence: message.presence?.map((item) => fix<WirePresenceMessage>(item)),
    messages: message.messages?.map((item) => fix(item)),
  };
}

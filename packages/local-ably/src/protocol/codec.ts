import msgpack from '@ably/msgpack-js';
import { AblyError, ErrorCode } from './errors.js';
import { assertPlainData } from './plain-data.js';

export type WireFormat = 'json' | 'msgpack';

export function parseFormat(value: string | null | undefined): WireFormat | undefined {
  if (value === undefined || value === null || value === '' || value === 'json') return 'json';
  if (value === 'msgpack') return 'msgpack';
  return undefined;
}

/** Decodes one inbound WebSocket frame. Throws an AblyError (40000) on anything that is not a decodable value. */
export function decodeFrame(raw: Buffer, isBinary: boolean, format: WireFormat): unknown {
  if (format === 'msgpack' && isBinary) {
    try {
      return msgpack.decode(raw);
    } catch (error) {
      throw new AblyError(ErrorCode.BadRequest, 400, `Unable to decode msgpack frame: ${(error as Error).message}`);
    }
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new AblyError(ErrorCode.BadRequest, 400, `Unable to parse JSON frame: ${(error as Error).message}`);
  }
}

/** Encodes one outbound value for the connection's format. Binary data becomes base64 in JSON (see presence-wire). */
export function encodeFrame(value: unknown, format: WireFormat): Buffer | string {
  if (format === 'msgpack') return msgpack.encode(stripUndefined(value));
  return JSON.stringify(value);
}

export function encodeBody(value: unknown, format: WireFormat): Buffer {
  return format === 'msgpack' ? msgpack.encode(stripUndefined(value)) : Buffer.from(JSON.stringify(value), 'utf8');
}

export function decodeBody(raw: Buffer, contentType: string | undefined): unknown {
  const value = decodeBodyValue(raw, contentType);
  assertPlainData(value);
  return value;
}

function decodeBodyValue(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (contentType?.includes('msgpack')) {
    try {
      return msgpack.decode(raw);
    } catch (error) {
      throw new AblyError(ErrorCode.BadRequest, 400, `Unable to decode msgpack body: ${(error as Error).message}`);
    }
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new AblyError(ErrorCode.BadRequest, 400, `Unable to parse JSON body: ${(error as Error).message}`);
  }
}

/** msgpack encodes `undefined` as nil; Ably omits absent fields, so drop them. */
function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Uint8Array)) {
    // fromEntries defines own properties: a "__proto__" key (a reaction name, say) stays a key, never a prototype.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, field]) => field !== undefined)
        .map(([key, field]) => [key, stripUndefined(field)]),
    );
  }
  return value;
}

import { CODE_INVALID_PRESENCE_DATA, CODE_PRESENCE_DATA_TOO_LARGE, PresenceKitError } from '../errors.js';

/**
 * Ably's default limit on one message, which a presence message's encoded data, extras and clientId must fit in
 * (accounts can have a lower one; the server's 40009 then still reaches `usePresence().error`). local-ably enforces
 * the same default.
 */
export const PRESENCE_MESSAGE_LIMIT_BYTES = 65_536;

const utf8 = new TextEncoder();

/**
 * Checks that presence data can be sent: `undefined`, or a plain object that survives JSON encoding (no functions,
 * BigInts, cycles or class instances) and fits in one Ably message with the clientId. Returns the error instead of
 * throwing, so callers can reject a promise.
 */
export function presenceDataError(where: string, data: unknown, clientId = ''): PresenceKitError | undefined {
  if (data === undefined) return undefined;
  const encoded = encode(data);
  if (typeof encoded !== 'string') {
    return new PresenceKitError(
      CODE_INVALID_PRESENCE_DATA,
      `${where}: presence data must be a plain JSON object; ${encoded.problem}.`,
    );
  }
  const size = utf8.encode(encoded).byteLength + utf8.encode(clientId).byteLength;
  if (size > PRESENCE_MESSAGE_LIMIT_BYTES) {
    return new PresenceKitError(
      CODE_PRESENCE_DATA_TOO_LARGE,
      `${where}: presence data is ${size} bytes with the clientId, over Ably's ${PRESENCE_MESSAGE_LIMIT_BYTES}-byte message limit. Keep large content elsewhere and put only an id or URL in presence data.`,
    );
  }
  return undefined;
}

/** The data's JSON, or what makes it unsendable. */
function encode(data: unknown): string | { problem: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      problem: `got ${Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data}; wrap it, e.g. { value: … }`,
    };
  }
  try {
    return JSON.stringify(data, (_key, value: unknown) => {
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
        throw new TypeError(`it holds a ${typeof value}, which JSON cannot encode`);
      }
      return value;
    });
  } catch (error) {
    return {
      problem:
        error instanceof TypeError && /cyclic|circular/i.test(error.message)
          ? 'it refers to itself (a cycle), which JSON cannot encode'
          : (error as Error).message,
    };
  }
}

import { AblyError, ErrorCode } from '../protocol/errors.js';

/**
 * Deepest nesting accepted in `data` and `extras`. The SDKs send objects as JSON strings, so only hand-written
 * frames nest at all; the cap keeps later encodes (JSON and msgpack both recurse) far from the stack limit, where
 * a throw inside a broadcast or a leave timer would take the whole server down.
 */
const MAX_DEPTH = 64;

/** Approximate encoded size of a message field in bytes, for the maxMessageSize check. Throws 40013 for unencodable data. */
export function dataSize(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (value instanceof Uint8Array) return value.byteLength;
  if (nestingDepth(value, 0) > MAX_DEPTH) {
    throw new AblyError(
      ErrorCode.InvalidMessageData,
      400,
      `Message data is nested more than ${MAX_DEPTH} levels deep; flatten it or send it as a JSON string`,
    );
  }
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch (error) {
    throw new AblyError(
      ErrorCode.InvalidMessageData,
      400,
      `Message data cannot be encoded: ${(error as Error).message}`,
    );
  }
}

/** Depth of arrays/objects, counting stops just past the cap so the walk itself never recurses deeply. */
function nestingDepth(value: unknown, depth: number): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || value instanceof Uint8Array) return depth;
  let deepest = depth;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, nestingDepth(child, depth + 1));
    if (deepest > MAX_DEPTH) break;
  }
  return deepest;
}

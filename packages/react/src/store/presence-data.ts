import { PresenceKitError, PresenceKitErrorCode } from '../errors.js';

/**
 * Checks that presence data can be sent: `undefined`, or a plain object that survives JSON encoding (no functions,
 * BigInts, cycles or class instances). Returns the error instead of throwing, so callers can reject a promise.
 */
export function presenceDataError(where: string, data: unknown): PresenceKitError | undefined {
  if (data === undefined) return undefined;
  const problem = describeProblem(data);
  if (problem === undefined) return undefined;
  return new PresenceKitError(
    PresenceKitErrorCode.InvalidPresenceData,
    `${where}: presence data must be a plain JSON object (strings, numbers, booleans, null, arrays, objects); ${problem}.`,
  );
}

function describeProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return `got ${Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data}; wrap it, e.g. { value: … }`;
  }
  try {
    JSON.stringify(data, (_key, value: unknown) => {
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
        throw new TypeError(`it holds a ${typeof value}, which JSON cannot encode`);
      }
      return value;
    });
  } catch (error) {
    return error instanceof TypeError && /cyclic|circular/i.test(error.message)
      ? 'it refers to itself (a cycle), which JSON cannot encode'
      : (error as Error).message;
  }
  return undefined;
}

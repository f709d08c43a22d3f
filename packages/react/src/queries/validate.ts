import { CODE_INVALID_ARGUMENT, PresenceKitError } from '../errors.js';

/** Throws a PresenceKitError (40003) naming `where` unless `value` is a non-empty string. */
export function requireNonEmptyString(where: string, what: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new PresenceKitError(
      CODE_INVALID_ARGUMENT,
      `${where}: ${what} must be a non-empty string, got ${describe(value)}.`,
    );
  }
  return value;
}

/** Throws unless `value` is undefined or a non-empty string. */
export function optionalNonEmptyString(where: string, what: string, value: unknown): string | undefined {
  return value === undefined ? undefined : requireNonEmptyString(where, what, value);
}

/** Throws unless `value` is undefined or an integer in `[min, max]`. */
export function optionalIntegerInRange(
  where: string,
  what: string,
  value: unknown,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new PresenceKitError(
      CODE_INVALID_ARGUMENT,
      `${where}: ${what} must be an integer from ${min} to ${max}, got ${describe(value)}.`,
    );
  }
  return value;
}

/** Throws unless `value` is undefined or a finite, non-negative millisecond timestamp. */
export function optionalTimestamp(where: string, what: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new PresenceKitError(
      CODE_INVALID_ARGUMENT,
      `${where}: ${what} must be a timestamp in milliseconds since the epoch, got ${describe(value)}.`,
    );
  }
  return value;
}

/** Throws unless `value` is undefined or one of `allowed`. */
export function optionalOneOf<T extends string>(
  where: string,
  what: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new PresenceKitError(
      CODE_INVALID_ARGUMENT,
      `${where}: ${what} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}.`,
    );
  }
  return value as T;
}

/** Throws a PresenceKitError naming `where`. */
export function invalidArgument(where: string, message: string): never {
  throw new PresenceKitError(CODE_INVALID_ARGUMENT, `${where}: ${message}`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return typeof value;
}

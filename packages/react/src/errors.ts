/**
 * Error codes raised by presence-kit itself. They sit in a range Ably does not use for its own errors, next to
 * the Ably codes (e.g. 40160, 80008, 102100) that errors from the SDK carry through unchanged.
 */
export const PresenceKitErrorCode = {
  /** A hook or component was rendered outside the provider it needs. */
  MissingProvider: 40090,
  /** A hook that needs a room was rendered outside `<PresenceRoom>` and was not given a room name. */
  MissingRoom: 40091,
  /** An argument was invalid (e.g. an empty room name). */
  InvalidArgument: 40003,
} as const;

export type PresenceKitErrorCodeValue = (typeof PresenceKitErrorCode)[keyof typeof PresenceKitErrorCode];

/**
 * An error with an Ably-style numeric `code` and HTTP-like `statusCode`, thrown for misuse and invalid input.
 *
 * @example
 * try { ... } catch (error) { if (error instanceof PresenceKitError && error.code === PresenceKitErrorCode.MissingProvider) ... }
 */
export class PresenceKitError extends Error {
  readonly code: number;
  readonly statusCode: number;

  constructor(code: number, message: string, statusCode = 400) {
    super(message);
    this.name = 'PresenceKitError';
    this.code = code;
    this.statusCode = statusCode;
  }
}

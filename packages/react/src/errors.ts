import * as Ably from 'ably';

// The codes as plain constants too, for the kit's own code: bundlers inline a constant where it is used, while every
// `PresenceKitErrorCode.X` read would keep the whole object (and its key names) in an app's bundle.
export const CODE_MISSING_PROVIDER = 104000;
export const CODE_MISSING_ROOM = 104001;
export const CODE_INVALID_ARGUMENT = 104002;
export const CODE_ROOM_UNAVAILABLE = 104003;
export const CODE_INVALID_PRESENCE_DATA = 104004;
export const CODE_PRESENCE_DATA_TOO_LARGE = 104005;
export const CODE_SELECT_FAILED = 104006;

/**
 * Error codes raised by presence-kit itself. They live in their own six-digit range (104000–104099), next to Ably's
 * five-digit codes and Ably Chat's 102xxx, so a kit error never reads as one of Ably's. Errors that come from the
 * SDK (e.g. 40160, 80008, 102107) reach you unchanged as `Ably.ErrorInfo`.
 */
export const PresenceKitErrorCode = {
  /** A hook or component was rendered outside `<PresenceKitProvider>`. */
  MissingProvider: CODE_MISSING_PROVIDER,
  /** A hook that needs a room was rendered outside `<PresenceRoom>` and was not given `{ room }`. */
  MissingRoom: CODE_MISSING_ROOM,
  /** An argument was invalid (e.g. an empty room name, a non-integer limit). */
  InvalidArgument: CODE_INVALID_ARGUMENT,
  /** The room could not be attached, so the presence call could not be made; `cause` holds the SDK's error. */
  RoomUnavailable: CODE_ROOM_UNAVAILABLE,
  /** Presence data that cannot be sent: not JSON-serializable, or not a plain object. */
  InvalidPresenceData: CODE_INVALID_PRESENCE_DATA,
  /** Presence data larger than Ably's message size limit (64 KiB with the clientId); nothing is sent. */
  PresenceDataTooLarge: CODE_PRESENCE_DATA_TOO_LARGE,
  /** A `select` function passed to a hook threw; `cause` holds what it threw. */
  SelectFailed: CODE_SELECT_FAILED,
} as const;

export type PresenceKitErrorCodeValue = (typeof PresenceKitErrorCode)[keyof typeof PresenceKitErrorCode];

const BRAND = Symbol.for('PresenceKitError');

/**
 * The one error type of presence-kit: an `Ably.ErrorInfo` (so `error.code`, `error.statusCode` and `error.cause` work
 * the same as for SDK errors), with a code from {@link PresenceKitErrorCode} and a message that says what to do.
 *
 * @example
 * if (error instanceof PresenceKitError && error.code === PresenceKitErrorCode.MissingProvider) { ... }
 * if (error instanceof Ably.ErrorInfo) report(error.code); // kit and SDK errors alike
 */
export class PresenceKitError extends Ably.ErrorInfo {
  // Each entry point (`/server` is built apart, so it has its own copy) and each of ESM and CommonJS can hold its own
  // copy of this class, so `instanceof` checks a brand that every copy shares instead of one prototype chain.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (value as { [BRAND]?: boolean } | null)?.[BRAND] === true;
  }
  get [BRAND](): boolean {
    return true;
  }
  constructor(code: PresenceKitErrorCodeValue, message: string, statusCode = 400, cause?: Ably.ErrorInfo | Error) {
    // ErrorInfo types `cause` as ErrorInfo, but any Error is a faithful cause (e.g. what a user's selector threw).
    super(message, code, statusCode, cause as Ably.ErrorInfo | undefined);
    // ErrorInfo's constructor sets its own prototype; restore the subclass's so `instanceof PresenceKitError` works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'PresenceKitError';
  }
}

/** Any thrown value as an `Ably.ErrorInfo`, keeping SDK errors as they are. */
export function toErrorInfo(error: unknown): Ably.ErrorInfo {
  if (error instanceof Ably.ErrorInfo) return error;
  const message = error instanceof Error ? error.message : String(error);
  const info = new Ably.ErrorInfo(message, 50000, 500);
  if (error instanceof Error) info.stack = error.stack;
  return info;
}

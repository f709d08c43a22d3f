/** The ErrorInfo shape Ably puts on the wire and in REST error bodies. */
export interface ErrorInfo {
  code: number;
  statusCode: number;
  message: string;
  href?: string;
}

/** Ably error codes local-ably produces. Numbers follow Ably's public error list. */
export const ErrorCode = {
  BadRequest: 40000,
  InvalidParameterValue: 40003,
  MaxMessageLengthExceeded: 40009,
  InvalidChannelName: 40010,
  InvalidClientId: 40012,
  InvalidMessageData: 40013,
  BatchError: 40020,
  UnsupportedProtocolVersion: 40017,
  InvalidCredentials: 40101,
  IncompatibleCredentials: 40102,
  TimestampNotCurrent: 40104,
  NonceReplayed: 40105,
  TokenError: 40140,
  TokenRevoked: 40141,
  TokenExpired: 40142,
  TokenUnrecognised: 40143,
  InvalidJwtFormat: 40144,
  InvalidTokenFormat: 40145,
  OperationNotPermitted: 40160,
  Forbidden: 40300,
  NotFound: 40400,
  MethodNotAllowed: 40500,
  Internal: 50000,
  ConnectionRefused: 80000,
  ConnectionRecoveryFailed: 80008,
  ConnectionClosed: 80017,
  InvalidChannelState: 90001,
} as const;

/** An error that carries an Ably-style code and HTTP status, thrown inside the server and turned into a frame or a REST body. */
export class AblyError extends Error {
  readonly code: number;
  readonly statusCode: number;

  constructor(code: number, statusCode: number, message: string) {
    super(message);
    this.name = 'AblyError';
    this.code = code;
    this.statusCode = statusCode;
  }

  toErrorInfo(): ErrorInfo {
    return { code: this.code, statusCode: this.statusCode, message: this.message, href: helpHref(this.code) };
  }

  static from(error: unknown): AblyError {
    if (error instanceof AblyError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new AblyError(ErrorCode.Internal, 500, `local-ably internal error: ${message}`);
  }
}

export function badRequest(message: string, code: number = ErrorCode.BadRequest): AblyError {
  return new AblyError(code, 400, message);
}

function helpHref(code: number): string {
  return `https://help.ably.io/error/${code}`;
}

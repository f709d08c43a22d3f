/**
 * Rules for the names a browser sends to the token endpoint. Browser-safe (no Node imports), so an app can check a
 * name before it asks for a token and show the same message the endpoint would.
 */

/** Longest clientId the token endpoint accepts. */
export const MAX_CLIENT_ID_LENGTH = 64;

/** Longest room name the token endpoint accepts. */
export const MAX_ROOM_NAME_LENGTH = 64;

// Letters, digits and a few separators only: `*`, `:`, `,`, `[` and `]` mean something in an Ably capability, so a
// room name containing them would widen the token it is granted.
const ROOM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this rejects.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why a clientId cannot be used, or `undefined` when it can.
 *
 * @example
 * clientIdProblem('');    // 'clientId is required: ...'
 * clientIdProblem('ann'); // undefined
 */
export function clientIdProblem(clientId: string | null | undefined): string | undefined {
  if (clientId === null || clientId === undefined || clientId.trim() === '') {
    return 'clientId is required: ask for /api/ably-token?clientId=<the user id> (1-64 characters)';
  }
  if (clientId.length > MAX_CLIENT_ID_LENGTH) {
    return `clientId is too long (${clientId.length} characters): use at most ${MAX_CLIENT_ID_LENGTH}`;
  }
  if (clientId === '*') return 'clientId "*" would let the holder act as anyone: ask for a token for one user id';
  if (CONTROL.test(clientId)) return 'clientId contains control characters: use printable characters only';
  return undefined;
}

/**
 * Why a room name cannot be used, or `undefined` when it can. Room names are 1-64 letters, digits, `_`, `.` or `-`,
 * starting with a letter or digit.
 *
 * @example
 * roomNameProblem('launch-day'); // undefined
 * roomNameProblem('a*b');        // 'room name "a*b" ...'
 */
export function roomNameProblem(room: string | null | undefined): string | undefined {
  if (room === null || room === undefined || room === '') return 'room name is required: use 1-64 letters or digits';
  if (room.length > MAX_ROOM_NAME_LENGTH) {
    return `room name is too long (${room.length} characters): use at most ${MAX_ROOM_NAME_LENGTH}`;
  }
  if (!ROOM_NAME.test(room)) {
    return `room name "${room}" is not allowed: use letters, digits, "_", "." or "-", starting with a letter or digit`;
  }
  return undefined;
}

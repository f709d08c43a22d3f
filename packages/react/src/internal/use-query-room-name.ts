'use client';
import { PresenceKitError, PresenceKitErrorCode } from '../errors.js';
import { requireNonEmptyString } from '../queries/validate.js';
import { useRoomNameOrNull } from './room-context.js';

/**
 * The room a query hook reads: its explicit first argument, else the nearest `<PresenceRoom>`'s name.
 * Throws at render (misuse) when there is neither, or when the name is empty.
 */
export function useQueryRoomName(hookName: string, room: string | undefined): string {
  const scoped = useRoomNameOrNull();
  const name = room ?? scoped;
  if (name === null) {
    throw new PresenceKitError(
      PresenceKitErrorCode.MissingRoom,
      `${hookName} needs a room: render it inside <PresenceRoom name="…">, or pass the room name as its first argument, e.g. ${hookName}('my-room').`,
    );
  }
  return requireNonEmptyString(hookName, 'room', name);
}

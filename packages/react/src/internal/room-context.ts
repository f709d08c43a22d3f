'use client';
import { createContext, useContext } from 'react';
import { CODE_INVALID_ARGUMENT, CODE_MISSING_ROOM, PresenceKitError } from '../errors.js';
import type { RoomEntry } from '../provider/room-entry.js';

/**
 * What `<PresenceRoom>` shares with the hooks below it. A stable instance per mounted room scope.
 * Query hooks need only `name`; live hooks read the room's store through `entry`.
 */
export interface RoomScopeValue {
  /** The room name, as passed to `<PresenceRoom name>`. */
  readonly name: string;
  /** The provider's entry for this room (store, status, presence controller); set by `<PresenceRoom>`. */
  readonly entry?: RoomEntry;
}

export const RoomContext = createContext<RoomScopeValue | null>(null);

/** The nearest `<PresenceRoom>`'s scope, or `null` outside one. */
export function useRoomScopeOrNull(): RoomScopeValue | null {
  return useContext(RoomContext);
}

/** Validates a resolved room name, throwing a misuse error that names the hook. */
export function checkRoomName(hookName: string, name: string | null | undefined): string {
  if (name === undefined || name === null) {
    throw new PresenceKitError(
      CODE_MISSING_ROOM,
      `${hookName} needs a room: render it inside <PresenceRoom name="…">, or pass { room: 'name' }.`,
    );
  }
  const problem = roomNameProblem(name);
  if (problem !== undefined) {
    throw new PresenceKitError(CODE_INVALID_ARGUMENT, `${hookName} was given ${problem}`);
  }
  return name;
}

/**
 * What is wrong with a room name, by Ably's channel naming rules (a room's channels are named after it): not empty,
 * no leading `[` (that starts a channel qualifier) or `:`, no line breaks.
 */
function roomNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return `a room name of type ${typeof name}; pass a non-empty string.`;
  if (name.length === 0) return 'an empty room name; pass a non-empty string.';
  const bad = /^[[:]/.test(name) ? `starts with "${name[0]}"` : /[\r\n]/.test(name) ? 'contains a line break' : '';
  if (bad)
    return `the room name ${JSON.stringify(name)}, which ${bad}; Ably room names cannot. Remove or replace that character.`;
  return undefined;
}

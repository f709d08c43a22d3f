import { roomNameProblem } from '@presence-kit/local-ably/vite/client';
import { DEMO_STATUSES } from './demo-presence.js';

/** Everything needed to enter a room. */
export interface JoinDetails {
  room: string;
  name: string;
  status: string;
  avatarUrl?: string;
}

export const DEFAULT_ROOM = 'launch-event';
export const MAX_DISPLAY_NAME_LENGTH = 40;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this rejects.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Why a display name cannot be used, or `undefined`. Bidi overrides are refused so a name cannot flip the page. */
export function displayNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a display name (1 to 40 characters).';
  if (trimmed.length > MAX_DISPLAY_NAME_LENGTH) {
    return `That display name is ${trimmed.length} characters long: use at most ${MAX_DISPLAY_NAME_LENGTH}.`;
  }
  if (CONTROL.test(trimmed)) return 'Display names cannot contain control or text-direction characters.';
  return undefined;
}

/** The token endpoint's room rule, worded for the form. */
export function roomProblem(room: string): string | undefined {
  const problem = roomNameProblem(room.trim());
  return problem === undefined ? undefined : `${problem[0]?.toUpperCase()}${problem.slice(1)}.`;
}

export type LinkParse =
  | { kind: 'none' }
  | { kind: 'join'; details: JoinDetails }
  | { kind: 'invalid'; problems: string[]; draft: Partial<JoinDetails> };

/** Reads `?room=&name=&status=` so a shared link skips the join form. Bad values come back as messages, not throws. */
export function parseJoinLink(search: string): LinkParse {
  const params = new URLSearchParams(search);
  const room = params.get('room');
  const name = params.get('name');
  if (room === null && name === null) return { kind: 'none' };
  const status = params.get('status') ?? 'online';
  const draft: Partial<JoinDetails> = { room: room ?? DEFAULT_ROOM, name: name ?? '', status };
  const problems: string[] = [];
  const roomIssue = roomProblem(room ?? DEFAULT_ROOM);
  if (roomIssue) problems.push(`The link's room name cannot be used. ${roomIssue}`);
  if (name === null) problems.push('The link has no display name: choose one below.');
  else {
    const nameIssue = displayNameProblem(name);
    if (nameIssue) problems.push(`The link's display name cannot be used. ${nameIssue}`);
  }
  if (!(DEMO_STATUSES as readonly string[]).includes(status)) draft.status = 'online';
  if (problems.length > 0) return { kind: 'invalid', problems, draft };
  return {
    kind: 'join',
    details: { room: (room ?? DEFAULT_ROOM).trim(), name: (name ?? '').trim(), status: draft.status ?? 'online' },
  };
}

/** The shareable link for a room: `?room=&name=` (the avatar stays out of the URL). */
export function joinLinkSearch(details: JoinDetails): string {
  const params = new URLSearchParams({ room: details.room, name: details.name });
  if (details.status !== 'online') params.set('status', details.status);
  return `?${params.toString()}`;
}

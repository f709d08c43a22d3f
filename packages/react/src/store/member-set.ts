import type { JsonObject, PresenceMember } from '@ably/chat';
import { EMPTY_MEMBERS } from './empty-snapshots.js';
import { jsonEqual } from './json-equal.js';
import type { PresenceKitMember } from './types.js';

type Member = PresenceKitMember<unknown>;

/** The member key: one entry per client per connection. `:` cannot occur in an Ably connectionId. */
export function memberKey(clientId: string, connectionId: string): string {
  return `${clientId}:${connectionId}`;
}

/** Converts an `@ably/chat` member into our frozen member. */
export function toMember(member: PresenceMember): Member {
  const clientId = member.clientId ?? '';
  const connectionId = member.connectionId ?? '';
  return Object.freeze({
    key: memberKey(clientId, connectionId),
    clientId,
    connectionId,
    data: member.data,
    extras: member.extras as JsonObject | undefined,
    updatedAt: member.updatedAt,
    userClaim: member.userClaim,
  });
}

function sameMember(a: Member, b: Member): boolean {
  return (
    a.updatedAt.getTime() === b.updatedAt.getTime() &&
    a.userClaim === b.userClaim &&
    jsonEqual(a.data, b.data) &&
    jsonEqual(a.extras, b.extras)
  );
}

/**
 * The mutable member set behind a room snapshot, by key, in the order members entered. Changes are applied one member
 * at a time; `members()` then builds a new array only if something changed, and an unchanged member keeps its object.
 * This is all the live store needs; the per-person grouping that only the people hooks read is `MemberIndex`'s.
 */
export class MemberSet {
  readonly #byKey = new Map<string, Member>();
  #dirty = false;
  #members: readonly Member[] = EMPTY_MEMBERS;

  /** Whether something changed since the last `members()`. */
  get dirty(): boolean {
    return this.#dirty;
  }

  keys(): IterableIterator<string> {
    return this.#byKey.keys();
  }

  get(key: string): Member | undefined {
    return this.#byKey.get(key);
  }

  /** Adds or replaces a member; returns `false` (and keeps the old object) when nothing about it changed. */
  put(member: Member): boolean {
    const existing = this.#byKey.get(member.key);
    if (existing && sameMember(existing, member)) return false;
    this.#byKey.set(member.key, member);
    this.#dirty = true;
    return true;
  }

  /** Removes a member; returns `false` when it was not there. */
  remove(key: string): boolean {
    if (!this.#byKey.delete(key)) return false;
    this.#dirty = true;
    return true;
  }

  clear(): void {
    for (const key of [...this.#byKey.keys()]) this.remove(key);
  }

  /** Every member, in the order they entered; a new array only after a change since the last call. */
  members(): readonly Member[] {
    if (this.#dirty) {
      this.#dirty = false;
      this.#members = this.#byKey.size === 0 ? EMPTY_MEMBERS : Object.freeze([...this.#byKey.values()]);
    }
    return this.#members;
  }
}

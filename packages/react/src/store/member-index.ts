import type { JsonObject, PresenceMember } from '@ably/chat';
import { EMPTY_IDS, EMPTY_MEMBERS, EMPTY_PEOPLE } from './empty-snapshots.js';
import { jsonEqual } from './json-equal.js';
import type { Person, PresenceKitMember } from './types.js';

type Member = PresenceKitMember<unknown>;
type AnyPerson = Person<unknown>;

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

/** What {@link MemberIndex.publish} returns: the arrays, each a new reference only when it changed. */
export interface PublishedMembers {
  members: readonly Member[];
  /** Member keys; the same array until a member enters or leaves. */
  memberKeys: readonly string[];
  /** clientIds of `people`; the same array until a person arrives or goes. */
  personIds: readonly string[];
  people: readonly AnyPerson[];
  peopleByClientId: ReadonlyMap<string, AnyPerson>;
}

/**
 * The mutable member set behind a room snapshot. Changes are applied one member at a time; `publish()` then builds
 * new arrays only if something changed, and a new `Person` only for the clientIds that changed, so every unchanged
 * member and person keeps its object identity across snapshots.
 */
export class MemberIndex {
  readonly #byKey = new Map<string, Member>();
  readonly #byClient = new Map<string, Map<string, Member>>();
  readonly #people = new Map<string, AnyPerson>();
  readonly #dirtyClients = new Set<string>();
  #membersDirty = false;
  /** Someone entered or left (not just updated), so the key lists must be rebuilt. */
  #membershipDirty = false;
  #published: PublishedMembers = {
    members: EMPTY_MEMBERS,
    memberKeys: EMPTY_IDS,
    personIds: EMPTY_IDS,
    people: EMPTY_PEOPLE,
    peopleByClientId: new Map(),
  };

  get size(): number {
    return this.#byKey.size;
  }

  get dirty(): boolean {
    return this.#membersDirty;
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
    if (!existing) this.#membershipDirty = true;
    this.#byKey.set(member.key, member);
    let connections = this.#byClient.get(member.clientId);
    if (!connections) {
      connections = new Map();
      this.#byClient.set(member.clientId, connections);
    }
    connections.set(member.key, member);
    this.#markDirty(member.clientId);
    return true;
  }

  /** Removes a member; returns `false` when it was not there. */
  remove(key: string): boolean {
    const existing = this.#byKey.get(key);
    if (!existing) return false;
    this.#byKey.delete(key);
    this.#membershipDirty = true;
    const connections = this.#byClient.get(existing.clientId);
    connections?.delete(key);
    if (connections && connections.size === 0) this.#byClient.delete(existing.clientId);
    this.#markDirty(existing.clientId);
    return true;
  }

  clear(): void {
    for (const key of [...this.#byKey.keys()]) this.remove(key);
  }

  /** The current arrays; rebuilt only after a change since the last call. */
  publish(): PublishedMembers {
    if (!this.#membersDirty) return this.#published;
    for (const clientId of this.#dirtyClients) {
      const connections = this.#byClient.get(clientId);
      if (!connections) {
        this.#people.delete(clientId);
        continue;
      }
      const list = Object.freeze([...connections.values()]);
      let latest = list[0]!;
      for (const member of list) if (member.updatedAt.getTime() > latest.updatedAt.getTime()) latest = member;
      this.#people.set(clientId, Object.freeze({ clientId, connections: list, latest }));
    }
    this.#dirtyClients.clear();
    this.#membersDirty = false;
    const membershipChanged = this.#membershipDirty;
    this.#membershipDirty = false;
    const previous = this.#published;
    this.#published = {
      members: this.#byKey.size === 0 ? EMPTY_MEMBERS : Object.freeze([...this.#byKey.values()]),
      memberKeys: membershipChanged ? stableKeys(previous.memberKeys, this.#byKey) : previous.memberKeys,
      personIds: membershipChanged ? stableKeys(previous.personIds, this.#people) : previous.personIds,
      people: this.#people.size === 0 ? EMPTY_PEOPLE : Object.freeze([...this.#people.values()]),
      peopleByClientId: new Map(this.#people),
    };
    return this.#published;
  }

  #markDirty(clientId: string): void {
    this.#dirtyClients.add(clientId);
    this.#membersDirty = true;
  }
}

function frozenKeys(map: ReadonlyMap<string, unknown>): readonly string[] {
  return map.size === 0 ? EMPTY_IDS : Object.freeze([...map.keys()]);
}

/** The map's keys, as the previous array when they are the same keys in the same order. */
function stableKeys(previous: readonly string[], map: ReadonlyMap<string, unknown>): readonly string[] {
  if (previous.length === map.size) {
    let index = 0;
    let same = true;
    for (const key of map.keys()) {
      if (previous[index++] !== key) {
        same = false;
        break;
      }
    }
    if (same) return previous;
  }
  return frozenKeys(map);
}

/** The clientId in a member key (`clientId:connectionId`; a connectionId never holds `:`, a clientId may). */
export function clientIdOfKey(key: string): string {
  const colon = key.lastIndexOf(':');
  return colon < 0 ? key : key.slice(0, colon);
}

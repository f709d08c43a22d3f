import { EMPTY_IDS, EMPTY_MEMBERS, EMPTY_PEOPLE } from './empty-snapshots.js';
import { MemberSet } from './member-set.js';
import type { Person, PresenceKitMember } from './types.js';

type Member = PresenceKitMember<unknown>;
type AnyPerson = Person<unknown>;

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
 * A {@link MemberSet} that also groups members by person. `publish()` builds new arrays only if something changed,
 * and a new `Person` only for the clientIds that changed, so every unchanged member and person keeps its object
 * identity across snapshots. Only the people hooks (through `peopleView`) need it, so the live store does without.
 */
export class MemberIndex extends MemberSet {
  readonly #byClient = new Map<string, Map<string, Member>>();
  readonly #people = new Map<string, AnyPerson>();
  readonly #dirtyClients = new Set<string>();
  /** Someone entered or left (not just updated), so the key lists must be rebuilt. */
  #membershipDirty = false;
  #published: PublishedMembers = {
    members: EMPTY_MEMBERS,
    memberKeys: EMPTY_IDS,
    personIds: EMPTY_IDS,
    people: EMPTY_PEOPLE,
    peopleByClientId: new Map(),
  };

  override put(member: Member): boolean {
    const entered = this.get(member.key) === undefined;
    if (!super.put(member)) return false;
    if (entered) this.#membershipDirty = true;
    let connections = this.#byClient.get(member.clientId);
    if (!connections) {
      connections = new Map();
      this.#byClient.set(member.clientId, connections);
    }
    connections.set(member.key, member);
    this.#dirtyClients.add(member.clientId);
    return true;
  }

  override remove(key: string): boolean {
    const existing = this.get(key);
    if (!existing || !super.remove(key)) return false;
    this.#membershipDirty = true;
    const connections = this.#byClient.get(existing.clientId);
    connections?.delete(key);
    if (connections && connections.size === 0) this.#byClient.delete(existing.clientId);
    this.#dirtyClients.add(existing.clientId);
    return true;
  }

  /** The current arrays; rebuilt only after a change since the last call. */
  publish(): PublishedMembers {
    if (!this.dirty) return this.#published;
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
    const membershipChanged = this.#membershipDirty;
    this.#membershipDirty = false;
    const previous = this.#published;
    this.#published = {
      members: this.members(),
      memberKeys: membershipChanged ? stableKeys(previous.memberKeys, this.keys(), this.size) : previous.memberKeys,
      personIds: membershipChanged
        ? stableKeys(previous.personIds, this.#people.keys(), this.#people.size)
        : previous.personIds,
      people: this.#people.size === 0 ? EMPTY_PEOPLE : Object.freeze([...this.#people.values()]),
      peopleByClientId: new Map(this.#people),
    };
    return this.#published;
  }
}

/** The keys, as the previous array when they are the same keys in the same order. */
function stableKeys(previous: readonly string[], keys: IterableIterator<string>, size: number): readonly string[] {
  const next = [...keys];
  if (previous.length === size) {
    let index = 0;
    let same = true;
    for (const key of next) {
      if (previous[index++] !== key) {
        same = false;
        break;
      }
    }
    if (same) return previous;
  }
  return size === 0 ? EMPTY_IDS : Object.freeze(next);
}

/** The clientId in a member key (`clientId:connectionId`; a connectionId never holds `:`, a clientId may). */
export function clientIdOfKey(key: string): string {
  const colon = key.lastIndexOf(':');
  return colon < 0 ? key : key.slice(0, colon);
}

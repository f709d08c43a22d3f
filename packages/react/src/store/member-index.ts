import { EMPTY_IDS, EMPTY_PEOPLE } from './empty-snapshots.js';
import { PeopleMap, type PersonSlot } from './people-map.js';
import { sameItems } from './same-items.js';
import type { Person, PresenceKitMember } from './types.js';

type Member = PresenceKitMember<unknown>;
type AnyPerson = Person<unknown>;

/** What {@link MemberIndex.publish} returns: each part a new reference only when it changed. */
export interface PublishedPeople {
  people: readonly AnyPerson[];
  /** clientIds of `people`; the same array until a person arrives or goes. */
  personIds: readonly string[];
  peopleByClientId: ReadonlyMap<string, AnyPerson>;
}

const EMPTY: PublishedPeople = {
  people: EMPTY_PEOPLE,
  personIds: EMPTY_IDS,
  // Marked pure so a bundle without the people hooks drops this module (and `PeopleMap`) whole.
  peopleByClientId: /* @__PURE__ */ new PeopleMap(new Map(), EMPTY_PEOPLE),
};

/** A person's slot in the index: the person now, and their place in the published `people`. */
interface Slot extends PersonSlot {
  person: AnyPerson;
  at: number;
}

/**
 * Members grouped by person (clientId), kept up by the changes alone. A person's `connections` array is where their
 * members live (no map per client), so a change costs a look through that person's few connections, and `publish()`
 * builds a new `Person` only for the clientIds that changed since the last one. When nobody left, the published
 * `people` array is the previous one with those entries swapped and newcomers appended, and `peopleByClientId` is a
 * {@link PeopleMap} version over the index's one map: publishing a frame of updates costs one array copy, not a
 * rebuild. Only the people hooks (through `peopleView`) need it, so the live store does without.
 *
 * The map is the cost to watch: V8 takes about 0.4 µs per insert into a map of 10,000, where an object costs a tenth
 * of that, so there is one map (clientId to slot) and `build` fills it in one pass.
 */
export class MemberIndex {
  /** Every person now, in the order they first entered (a person who leaves and comes back goes to the end). */
  #people = new Map<string, Slot>();
  /** The connections of each person changed since the last publish, as they are now (empty: the person left). */
  readonly #pending = new Map<string, Member[]>();
  #published = EMPTY;

  /**
   * Fills an empty index with `members` at once (the first read of a room that already has people): one pass, one map
   * insert per person, and no intermediate lists for the many people with one connection.
   */
  build(members: readonly Member[]): void {
    const people = this.#people;
    const list: AnyPerson[] = [];
    let multi: Map<string, Member[]> | undefined;
    for (let at = 0; at < members.length; at++) {
      const member = members[at]!;
      const slot = people.get(member.clientId);
      if (slot) {
        multi ??= new Map();
        const connections = multi.get(member.clientId);
        if (connections) connections.push(member);
        else multi.set(member.clientId, [...slot.person.connections, member]);
      } else {
        const person = toPerson(member.clientId, [member]);
        people.set(member.clientId, { person, at: list.length });
        list.push(person);
      }
    }
    if (multi) {
      for (const [clientId, connections] of multi) {
        const slot = people.get(clientId)!;
        slot.person = toPerson(clientId, connections);
        list[slot.at] = slot.person;
      }
    }
    this.#publishList(EMPTY, list, true, new Map());
  }

  /** Adds a member, or replaces the one with its key. */
  put(member: Member): void {
    const connections = this.#connections(member.clientId);
    const at = connections.findIndex((existing) => existing.key === member.key);
    if (at < 0) connections.push(member);
    else connections[at] = member;
  }

  /** Removes a member (by its key); nothing when it is not there. */
  remove(member: Member): void {
    const connections = this.#connections(member.clientId);
    const at = connections.findIndex((existing) => existing.key === member.key);
    if (at >= 0) connections.splice(at, 1);
  }

  /** Forgets everyone at once (the live store emptied, e.g. when unbound). */
  clear(): void {
    // A new map, not `clear()`: published versions read the old one, which must keep what it held.
    this.#people = new Map();
    this.#pending.clear();
    this.#published = EMPTY;
  }

  /** The current people; rebuilt only after a change since the last call, and then only where it changed. */
  publish(): PublishedPeople {
    if (this.#pending.size === 0) return this.#published;
    const people = this.#people;
    const previous = this.#published;
    const before = new Map<string, AnyPerson | undefined>();
    const updated: Slot[] = [];
    const arrived: AnyPerson[] = [];
    let left = false;
    for (const [clientId, connections] of this.#pending) {
      const slot = people.get(clientId);
      if (connections.length === 0 && !slot) continue; // removed someone who was never here
      before.set(clientId, slot?.person);
      if (connections.length === 0) {
        people.delete(clientId);
        left = true;
      } else if (slot) {
        slot.person = toPerson(clientId, connections);
        updated.push(slot);
      } else {
        const person = toPerson(clientId, connections);
        people.set(clientId, { person, at: -1 });
        arrived.push(person);
      }
    }
    this.#pending.clear();
    if (before.size === 0) return previous;

    let list: AnyPerson[];
    if (left) {
      // Places after a leaver move: rebuild the array from the map, and every slot's place with it.
      list = [];
      for (const slot of people.values()) {
        slot.at = list.length;
        list.push(slot.person);
      }
    } else {
      // Spread, not `slice()`: V8 copies a frozen array much faster this way.
      list = [...previous.people];
      for (const slot of updated) list[slot.at] = slot.person;
      for (const person of arrived) {
        people.get(person.clientId)!.at = list.length;
        list.push(person);
      }
    }
    this.#publishList(previous, list, left || arrived.length > 0, before);
    return this.#published;
  }

  #publishList(
    previous: PublishedPeople,
    list: AnyPerson[],
    moved: boolean,
    before: ReadonlyMap<string, AnyPerson | undefined>,
  ): void {
    const people = list.length === 0 ? EMPTY_PEOPLE : Object.freeze(list);
    const peopleByClientId = new PeopleMap(this.#people, people);
    // Once empty, start a new map: versions superseded by this one read through to the old map, never to newcomers.
    if (list.length === 0) this.#people = new Map();
    // An empty version answers every lookup alone, so it needs no record of what changed after it.
    if (previous.people.length > 0) (previous.peopleByClientId as PeopleMap).supersede(peopleByClientId, before);
    this.#published = {
      people,
      personIds: moved ? stableIds(previous.personIds, people) : previous.personIds,
      peopleByClientId,
    };
  }

  /** A person's connections as this publish will build them: the published ones, copied on the first change. */
  #connections(clientId: string): Member[] {
    let connections = this.#pending.get(clientId);
    if (!connections) {
      const slot = this.#people.get(clientId);
      connections = slot ? [...slot.person.connections] : [];
      this.#pending.set(clientId, connections);
    }
    return connections;
  }
}

function toPerson(clientId: string, connections: Member[]): AnyPerson {
  let latest = connections[0]!;
  for (const member of connections) if (member.updatedAt.getTime() > latest.updatedAt.getTime()) latest = member;
  return Object.freeze({ clientId, connections: Object.freeze(connections), latest });
}

/** The people's clientIds, as the previous array when they are the same ids in the same order. */
function stableIds(previous: readonly string[], people: readonly AnyPerson[]): readonly string[] {
  if (people.length === 0) return EMPTY_IDS;
  const ids: string[] = [];
  // A loop, not `map()`: on a frozen array V8's `map` takes a slow path (10× slower at 10,000 people).
  for (let at = 0; at < people.length; at++) ids.push(people[at]!.clientId);
  return sameItems(ids, previous) ? previous : Object.freeze(ids);
}

/** The clientId in a member key (`clientId:connectionId`; a connectionId never holds `:`, a clientId may). */
export function clientIdOfKey(key: string): string {
  const colon = key.lastIndexOf(':');
  return colon < 0 ? key : key.slice(0, colon);
}

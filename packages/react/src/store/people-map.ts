import type { Person } from './types.js';

type AnyPerson = Person<unknown>;

/** What the index's map holds for each clientId: the person as they are now. */
export interface PersonSlot {
  readonly person: AnyPerson;
}

/**
 * One published version of `peopleByClientId`, without copying the map per frame. Every version reads the one live
 * map the {@link MemberIndex} keeps; when the index publishes a newer version, it hands this one the previous values
 * of the clientIds that changed (`supersede`). A lookup walks from its own version towards the newest and stops at the
 * first version that recorded the key, so an old snapshot keeps answering what it answered when it was published,
 * while publishing costs only the changed entries. Iteration follows the version's own `people` array.
 */
export class PeopleMap implements ReadonlyMap<string, AnyPerson> {
  readonly #live: ReadonlyMap<string, PersonSlot>;
  readonly #people: readonly AnyPerson[];
  /** Set once a newer version exists: this version's values for the clientIds that differ in `#newer`. */
  #previous: ReadonlyMap<string, AnyPerson | undefined> | undefined;
  #newer: PeopleMap | undefined;
  #copy: ReadonlyMap<string, AnyPerson> | undefined;

  constructor(live: ReadonlyMap<string, PersonSlot>, people: readonly AnyPerson[]) {
    this.#live = live;
    this.#people = people;
  }

  get size(): number {
    return this.#people.length;
  }

  get(clientId: string): AnyPerson | undefined {
    if (this.#people.length === 0) return undefined;
    let version: PeopleMap = this;
    while (version.#newer) {
      if (version.#previous!.has(clientId)) return version.#previous!.get(clientId);
      version = version.#newer;
    }
    return this.#live.get(clientId)?.person;
  }

  has(clientId: string): boolean {
    return this.get(clientId) !== undefined;
  }

  /**
   * Called by the index when it publishes `newer`: `previous` holds this version's value (or `undefined`, absent) of
   * every clientId whose person changed between the two. Read the live map only through the newest version after this.
   */
  supersede(newer: PeopleMap, previous: ReadonlyMap<string, AnyPerson | undefined>): void {
    this.#newer = newer;
    this.#previous = previous;
  }

  // Iterating is O(people) anyway; a plain Map made from this version's own array is what every method reads.
  #entries(): ReadonlyMap<string, AnyPerson> {
    if (!this.#copy) {
      const copy = new Map<string, AnyPerson>();
      for (const person of this.#people) copy.set(person.clientId, person);
      this.#copy = copy;
    }
    return this.#copy;
  }

  forEach(callback: (value: AnyPerson, key: string, map: ReadonlyMap<string, AnyPerson>) => void, thisArg?: unknown) {
    for (const [key, value] of this.#entries()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[string, AnyPerson]> {
    return this.#entries().entries();
  }

  keys(): MapIterator<string> {
    return this.#entries().keys();
  }

  values(): MapIterator<AnyPerson> {
    return this.#entries().values();
  }

  [Symbol.iterator](): MapIterator<[string, AnyPerson]> {
    return this.entries();
  }
}

import { EMPTY_IDS, EMPTY_LIVE_SNAPSHOT, EMPTY_PEOPLE, EMPTY_ROOM_SNAPSHOT } from './empty-snapshots.js';
import { MemberIndex } from './member-index.js';
import type { LiveSnapshot, RoomStoreCore } from './room-store-core.js';
import { sameItems } from './same-items.js';
import type { Person, PresenceKitMember, RoomSnapshot } from './types.js';

type Member = PresenceKitMember<unknown>;
type AnyPerson = Person<unknown>;

/**
 * The full {@link RoomSnapshot} of a live store: its snapshot plus the per-person views (`people`, `others`,
 * `peopleByClientId` and the id lists), built when first read and then kept up incrementally. Each new live snapshot
 * is compared with the last one by member identity (a member keeps its place and object while unchanged; one that
 * enters is appended), so only changed members reach the {@link MemberIndex}, which rebuilds only their people.
 * `others` is made when first read from a snapshot (most readers never ask for it), from that snapshot's own `people`,
 * so a snapshot once handed out answers the same forever. Every part keeps its reference while unchanged; a new live
 * snapshot gives a new full snapshot.
 */
export function peopleView(read: () => LiveSnapshot, clientId: () => string | undefined): () => RoomSnapshot<unknown> {
  const index = new MemberIndex();
  let live: LiveSnapshot = EMPTY_LIVE_SNAPSHOT;
  let view: RoomSnapshot<unknown> = EMPTY_ROOM_SNAPSHOT;
  let viewClientId: string | undefined;
  /** The last `others` made, and what from: a later one with the same people keeps its identity. */
  let lastOthers: { people: readonly AnyPerson[]; me: string | undefined; others: readonly AnyPerson[] } = {
    people: EMPTY_PEOPLE,
    me: undefined,
    others: EMPTY_PEOPLE,
  };
  const othersOf = (people: readonly AnyPerson[], me: string | undefined, present: ReadonlyMap<string, unknown>) => {
    if (people !== lastOthers.people || me !== lastOthers.me) {
      lastOthers = { people, me, others: withoutClient(lastOthers.others, people, me, present) };
    }
    return lastOthers.others;
  };
  return () => {
    const next = read();
    // The live store starts at the shared empty snapshot and never returns to it (each flush makes a new object).
    if (next === EMPTY_LIVE_SNAPSHOT) return EMPTY_ROOM_SNAPSHOT;
    const me = clientId();
    if (next === live && me === viewClientId) return view;
    const membersMoved = next.members !== live.members && applyChanges(index, live.members, next.members);
    const { people, personIds, peopleByClientId } = index.publish();
    const sameClient = me === viewClientId;
    const otherPersonIds =
      personIds === view.personIds && sameClient
        ? view.otherPersonIds
        : withoutClient(view.otherPersonIds, personIds, me, peopleByClientId);
    const memberKeys = membersMoved ? stableKeys(view.memberKeys, next.members) : view.memberKeys;
    live = next;
    viewClientId = me;
    let others: readonly AnyPerson[] | undefined;
    view = Object.freeze({
      ...next,
      people,
      get others() {
        others ??= othersOf(people, me, peopleByClientId);
        return others;
      },
      memberKeys,
      personIds,
      otherPersonIds,
      peopleByClientId,
    });
    return view;
  };
}

/**
 * Applies to `index` what changed between two member lists of one store: a member at the same place with another
 * object was updated, one missing from its place left, and the rest of `after` entered. (Should a member ever move,
 * it reads as a leave and an enter, which still leaves the right members.) Returns whether anyone entered or left.
 */
function applyChanges(index: MemberIndex, before: readonly Member[], after: readonly Member[]): boolean {
  if (after.length === 0) {
    index.clear();
    return before.length > 0;
  }
  if (before.length === 0) {
    index.build(after);
    return true;
  }
  let next = 0;
  let moved = false;
  // Indexed loops here and below: this walk runs every frame, and V8's `for…of`, `map` and `filter` over a frozen
  // array take a slow path, several times slower at 10,000 members.
  for (let at = 0; at < before.length; at++) {
    const member = before[at]!;
    const candidate = after[next];
    if (candidate === member) {
      next++;
    } else if (candidate !== undefined && candidate.key === member.key) {
      index.put(candidate);
      next++;
    } else {
      index.remove(member);
      moved = true;
    }
  }
  if (next < after.length) moved = true;
  for (; next < after.length; next++) index.put(after[next]!);
  return moved;
}

/** The members' keys, as the previous array when they are the same keys in the same order. */
function stableKeys(previous: readonly string[], members: readonly Member[]): readonly string[] {
  if (members.length === 0) return EMPTY_IDS;
  const keys: string[] = [];
  for (let at = 0; at < members.length; at++) keys.push(members[at]!.key);
  return sameItems(keys, previous) ? previous : Object.freeze(keys);
}

/**
 * `all` without `clientId`'s entry (a person, or a person id): `all` itself when they are not in it, the previous
 * result when nothing else changed, so "others" keeps its identity when only I change.
 */
function withoutClient<T extends AnyPerson | string>(
  previous: readonly T[],
  all: readonly T[],
  clientId: string | undefined,
  present: ReadonlyMap<string, unknown>,
): readonly T[] {
  if (clientId === undefined || !present.has(clientId)) return all;
  const next: T[] = [];
  for (let at = 0; at < all.length; at++) {
    const item = all[at]!;
    if ((typeof item === 'string' ? item : (item as AnyPerson).clientId) !== clientId) next.push(item);
  }
  if (sameItems(next, previous)) return previous;
  if (next.length === 0) return (typeof all[0] === 'string' ? EMPTY_IDS : EMPTY_PEOPLE) as readonly T[];
  return Object.freeze(next);
}

/** A store as the people hooks read it: the live store's notifications, with full snapshots. */
export interface PeopleStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): RoomSnapshot<unknown>;
}

const stores = new WeakMap<RoomStoreCore, PeopleStore>();

/** The one people view of a live store (made on first use, so rooms nobody reads people from never pay for it). */
export function peopleStore(store: RoomStoreCore): PeopleStore {
  let people = stores.get(store);
  if (!people) {
    people = { subscribe: store.subscribe, getSnapshot: peopleView(store.getSnapshot, () => store.clientId) };
    stores.set(store, people);
  }
  return people;
}

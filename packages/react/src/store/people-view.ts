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
 * Every part keeps its reference while unchanged; a new live snapshot gives a new full snapshot.
 */
export function peopleView(read: () => LiveSnapshot, clientId: () => string | undefined): () => RoomSnapshot<unknown> {
  const index = new MemberIndex();
  let live: LiveSnapshot = EMPTY_LIVE_SNAPSHOT;
  let view: RoomSnapshot<unknown> = EMPTY_ROOM_SNAPSHOT;
  let viewClientId: string | undefined;
  return () => {
    const next = read();
    // The live store starts at the shared empty snapshot and never returns to it (each flush makes a new object).
    if (next === EMPTY_LIVE_SNAPSHOT) return EMPTY_ROOM_SNAPSHOT;
    const me = clientId();
    if (next === live && me === viewClientId) return view;
    if (next.members !== live.members) applyChanges(index, live.members, next.members);
    const published = index.publish();
    const sameClient = me === viewClientId;
    const others =
      published.people === view.people && sameClient
        ? view.others
        : withoutClient(view.others, published.people, me, published.peopleByClientId);
    const otherPersonIds =
      published.personIds === view.personIds && sameClient
        ? view.otherPersonIds
        : withoutClient(view.otherPersonIds, published.personIds, me, published.peopleByClientId);
    live = next;
    viewClientId = me;
    view = Object.freeze({
      ...next,
      people: published.people,
      others,
      memberKeys: published.memberKeys,
      personIds: published.personIds,
      otherPersonIds,
      peopleByClientId: published.peopleByClientId,
    });
    return view;
  };
}

/**
 * Applies to `index` what changed between two member lists of one store: a member at the same place with another
 * object was updated, one missing from its place left, and the rest of `after` entered. (Should a member ever move,
 * it reads as a leave and an enter, which still leaves the right members.)
 */
function applyChanges(index: MemberIndex, before: readonly Member[], after: readonly Member[]): void {
  let next = 0;
  for (const member of before) {
    const candidate = after[next];
    if (candidate !== undefined && candidate.key === member.key) {
      if (candidate !== member) index.put(candidate);
      next++;
    } else {
      index.remove(member.key);
    }
  }
  for (; next < after.length; next++) index.put(after[next]!);
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
  const next = all.filter((item) => (typeof item === 'string' ? item : (item as AnyPerson).clientId) !== clientId);
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

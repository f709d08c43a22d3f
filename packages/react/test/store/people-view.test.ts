// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOM_SNAPSHOT } from '../../src/store/empty-snapshots.js';
import { createManualFrameScheduler } from '../../src/store/frame-scheduler.js';
import { peopleStore } from '../../src/store/people-view.js';
import { RoomStoreCore } from '../../src/store/room-store-core.js';
import { createFakeRoom, member, settle } from './support/fake-room.js';

/** A live store (what <PresenceRoom> holds) synced with `members`, and its people view made only afterwards. */
async function setup(members: ReturnType<typeof member>[]) {
  const frames = createManualFrameScheduler();
  const store = new RoomStoreCore({
    scheduler: frames.schedule,
    identity: () => ({ clientId: 'me', connectionId: 'c-me' }),
  });
  const fake = createFakeRoom();
  store.bind(fake.room);
  fake.setStatus('attached');
  fake.gets.shift()!.resolve(members);
  await settle();
  frames.flush();
  return { store, fake, frames, people: peopleStore(store) };
}

const ids = (list: readonly { clientId: string }[]) => list.map((p) => p.clientId);

describe('people view of a live store', () => {
  it('the live snapshot has no per-person parts; the view adds them, built late from the members already there', async () => {
    const t = await setup([member('a', 'a1'), member('me', 'c-me'), member('b', 'b1'), member('a', 'a2')]);
    expect(t.store.getSnapshot()).not.toHaveProperty('people');
    const view = t.people.getSnapshot();
    expect(view.members).toBe(t.store.getSnapshot().members);
    expect(ids(view.people)).toEqual(['a', 'me', 'b']);
    expect(view.people[0]!.connections.map((m) => m.key)).toEqual(['a:a1', 'a:a2']);
    expect(view.personIds).toEqual(['a', 'me', 'b']);
    expect(ids(view.others)).toEqual(['a', 'b']);
    expect(view.otherPersonIds).toEqual(['a', 'b']);
    expect(view.memberKeys).toEqual(['a:a1', 'me:c-me', 'b:b1', 'a:a2']);
    expect(view.peopleByClientId.get('b')?.latest.key).toBe('b:b1');
    expect(t.people.getSnapshot()).toBe(view); // same live snapshot, same view
    expect(peopleStore(t.store)).toBe(t.people); // one view per store
  });

  it('follows updates, leaves and re-entries, rebuilding only the people who changed', async () => {
    const t = await setup([member('a', 'a1'), member('b', 'b1'), member('c', 'c1')]);
    const first = t.people.getSnapshot();

    t.fake.emit('update', member('b', 'b1', { v: 2 }, 2_000));
    t.frames.flush();
    const second = t.people.getSnapshot();
    expect(second.people[0]).toBe(first.people[0]);
    expect(second.people[1]).not.toBe(first.people[1]);
    expect(second.people[1]!.latest.data).toEqual({ v: 2 });
    expect(second.people[2]).toBe(first.people[2]);
    expect(second.personIds).toBe(first.personIds); // nobody came or went
    expect(second.memberKeys).toBe(first.memberKeys);

    // a leaves from the middle of the list and comes back: it moves to the end, as in the live member list.
    t.fake.emit('leave', member('a', 'a1'));
    t.frames.flush();
    expect(t.people.getSnapshot().personIds).toEqual(['b', 'c']);
    t.fake.emit('enter', member('a', 'a1', undefined, 3_000));
    t.frames.flush();
    const third = t.people.getSnapshot();
    expect(third.personIds).toEqual(['b', 'c', 'a']);
    expect(third.memberKeys).toEqual(t.store.getSnapshot().members.map((m) => m.key));
    expect(third.people[0]).toBe(second.people[1]);
  });

  it('skips snapshots it never saw: several frames of changes between two reads still add up', async () => {
    const t = await setup([member('a', 'a1'), member('b', 'b1')]);
    t.people.getSnapshot();
    t.fake.emit('leave', member('a', 'a1'));
    t.frames.flush();
    t.fake.emit('enter', member('c', 'c1'));
    t.fake.emit('enter', member('b', 'b2'));
    t.frames.flush();
    t.fake.emit('update', member('b', 'b1', { v: 1 }, 2_000));
    t.frames.flush();
    const view = t.people.getSnapshot();
    expect(view.members.map((m) => m.key)).toEqual(['b:b1', 'c:c1', 'b:b2']);
    expect(ids(view.people)).toEqual(['b', 'c']);
    expect(view.people[0]!.connections.map((m) => m.key)).toEqual(['b:b1', 'b:b2']);
    expect(view.people[0]!.latest.key).toBe('b:b1');
  });

  it('a snapshot once handed out answers the same forever, whichever parts are read first and however late', async () => {
    const t = await setup([member('a', 'a1'), member('me', 'c-me'), member('b', 'b1'), member('a', 'a2')]);
    const first = t.people.getSnapshot(); // nothing read from it yet: `others` is made on first read
    const firstPeople = first.people;
    const a = first.peopleByClientId.get('a')!;
    t.fake.emit('update', member('a', 'a1', { v: 2 }, 2_000));
    t.fake.emit('leave', member('b', 'b1'));
    t.fake.emit('enter', member('c', 'c1'));
    t.frames.flush();
    const second = t.people.getSnapshot();
    expect(second).not.toBe(first);
    expect(ids(second.others)).toEqual(['a', 'c']);
    // The first snapshot, read only now, still shows the room as it was when it was published.
    expect(ids(first.others)).toEqual(['a', 'b']);
    expect(first.others).toBe(first.others);
    expect(first.people).toBe(firstPeople);
    expect(first.peopleByClientId.get('a')).toBe(a);
    expect(first.peopleByClientId.get('b')?.latest.key).toBe('b:b1');
    expect(first.peopleByClientId.has('c')).toBe(false);
    expect([...first.peopleByClientId.keys()]).toEqual(['a', 'me', 'b']);
    expect(second.peopleByClientId.get('a')).not.toBe(a);
    expect(second.peopleByClientId.get('a')!.connections.map((m) => m.data)).toEqual([{ v: 2 }, undefined]);
    expect(second.peopleByClientId.has('b')).toBe(false);
    expect(second.memberKeys).toEqual(['a:a1', 'me:c-me', 'a:a2', 'c:c1']);
    expect(Object.isFrozen(second)).toBe(true);
  });

  it('an update costs no new id lists: memberKeys, personIds and otherPersonIds keep their references', async () => {
    const t = await setup([member('a', 'a1'), member('me', 'c-me'), member('b', 'b1')]);
    const first = t.people.getSnapshot();
    const firstOthers = first.others;
    t.fake.emit('update', member('me', 'c-me', { v: 1 }, 2_000));
    t.frames.flush();
    const second = t.people.getSnapshot();
    expect(second.memberKeys).toBe(first.memberKeys);
    expect(second.personIds).toBe(first.personIds);
    expect(second.otherPersonIds).toBe(first.otherPersonIds);
    expect(second.others).toBe(firstOthers); // only I changed
    expect(second.people[0]).toBe(first.people[0]);
    expect(second.people[1]).not.toBe(first.people[1]);
  });

  it('empties with the store when it is unbound, and reads the shared empty snapshot before any change', async () => {
    const frames = createManualFrameScheduler();
    const store = new RoomStoreCore({
      scheduler: frames.schedule,
      identity: () => ({ clientId: 'me', connectionId: 'c' }),
    });
    expect(peopleStore(store).getSnapshot()).toBe(EMPTY_ROOM_SNAPSHOT);

    const t = await setup([member('a', 'a1')]);
    expect(t.people.getSnapshot().people).toHaveLength(1);
    t.fake.emit('leave', member('a', 'a1'));
    t.frames.flush();
    const view = t.people.getSnapshot();
    expect(view.people).toBe(EMPTY_ROOM_SNAPSHOT.people);
    expect(view.personIds).toBe(EMPTY_ROOM_SNAPSHOT.personIds);
    expect(view.memberKeys).toBe(EMPTY_ROOM_SNAPSHOT.memberKeys);
  });
});

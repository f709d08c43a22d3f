// @vitest-environment node
import * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { EMPTY_OCCUPANCY, EMPTY_ROOM_SNAPSHOT } from '../../src/store/empty-snapshots.js';
import { createManualFrameScheduler } from '../../src/store/frame-scheduler.js';
import { RoomStore } from '../../src/store/room-store.js';
import { createFakeRoom, type FakeRoom, member, settle } from './support/fake-room.js';

const LIVE_OCCUPANCY = { occupancy: { enableEvents: true } };

function metrics(connections: number, extra: Record<string, number> = {}) {
  return { metrics: { connections, presenceMembers: 0, ...extra } };
}

function setup(options: { clientId?: string; connectionId?: string; roomOptions?: object; status?: string } = {}) {
  const frames = createManualFrameScheduler();
  const identity = { clientId: options.clientId ?? 'me', connectionId: options.connectionId ?? 'c-me' } as {
    clientId: string | undefined;
    connectionId: string | undefined;
  };
  const store = new RoomStore({ scheduler: frames.schedule, identity: () => identity });
  const fake = createFakeRoom(options.roomOptions ?? {}, options.status ?? 'initialized');
  let notified = 0;
  store.subscribe(() => notified++);
  const errors: Ably.ErrorInfo[] = [];
  store.onError((error) => errors.push(error));
  return {
    frames,
    identity,
    store,
    fake,
    errors,
    notifications: () => notified,
    snap: () => store.getSnapshot(),
    /** Binds, attaches and answers the first get with `members`. */
    async synced(fakeRoom: FakeRoom, members: ReturnType<typeof member>[] = []) {
      const unbind = store.bind(fakeRoom.room);
      fakeRoom.setStatus('attached');
      fakeRoom.gets.shift()!.resolve(members);
      await settle();
      frames.flush();
      return unbind;
    },
  };
}

const ids = (list: readonly { key: string }[]) => list.map((m) => m.key);

describe('RoomStore: reading the room', () => {
  it('starts empty, reads the member list only once attached, then reports synced', async () => {
    const t = setup();
    expect(t.snap()).toBe(EMPTY_ROOM_SNAPSHOT);
    t.store.bind(t.fake.room);
    expect(t.fake.gets).toHaveLength(0); // not attached yet: no get
    t.fake.setStatus('attaching');
    expect(t.fake.gets).toHaveLength(0);
    t.fake.setStatus('attached');
    expect(t.fake.gets).toHaveLength(1);
    t.fake.gets[0]!.resolve([member('a', 'c1', { n: 1 }), member('b', 'c2')]);
    await settle();
    expect(t.notifications()).toBe(0); // nothing before the frame
    expect(t.frames.flush()).toBe(1);
    expect(t.notifications()).toBe(1);
    expect(ids(t.snap().members)).toEqual(['a:c1', 'b:c2']);
    expect(t.snap().isSynced).toBe(true);
    expect(t.snap().people.map((p) => p.clientId)).toEqual(['a', 'b']);
    expect(Object.isFrozen(t.snap())).toBe(true);
  });

  it('reads at once when bound to a room that is already attached, and an empty room still becomes synced', async () => {
    const t = setup({ status: 'attached' });
    t.store.bind(t.fake.room);
    expect(t.fake.gets).toHaveLength(1);
    t.fake.gets[0]!.resolve([]);
    await settle();
    t.frames.flush();
    expect(t.snap().isSynced).toBe(true);
    expect(t.snap().members).toEqual([]);
    expect(t.notifications()).toBe(1);
  });

  it('calls onSynced after every full read', async () => {
    const t = setup();
    let synced = 0;
    const off = t.store.onSynced(() => synced++);
    await t.synced(t.fake);
    expect(synced).toBe(1);
    t.fake.discontinuity();
    t.fake.gets.shift()!.resolve([]);
    await settle();
    expect(synced).toBe(2);
    off();
    t.fake.discontinuity();
    t.fake.gets.shift()!.resolve([]);
    await settle();
    expect(synced).toBe(2);
  });

  it('re-reads after detached, suspended or failed then attached, and after a discontinuity; not on a repeated attached', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1')]);
    t.fake.setStatus('attached');
    expect(t.fake.gets).toHaveLength(0);
    for (const status of ['detached', 'suspended', 'failed']) {
      t.fake.setStatus(status);
      expect(t.fake.gets).toHaveLength(0); // not while away
      t.fake.setStatus('attached');
      expect(t.fake.gets).toHaveLength(1);
      t.fake.gets.shift()!.resolve([member('a', 'c1')]);
      await settle();
    }
    t.fake.discontinuity();
    expect(t.fake.gets).toHaveLength(1);
    t.fake.gets.shift()!.resolve([member('a', 'c1')]);
    await settle();
  });

  it('a discontinuity while not attached waits for the attach to read again', async () => {
    const t = setup();
    await t.synced(t.fake);
    t.fake.setStatus('attaching');
    t.fake.discontinuity();
    expect(t.fake.gets).toHaveLength(0);
    t.fake.setStatus('attached');
    expect(t.fake.gets).toHaveLength(1);
  });

  it('a read removes members that left while we were away and adds ones that came', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1'), member('b', 'c2')]);
    const before = t.snap();
    t.fake.discontinuity();
    t.fake.gets.shift()!.resolve([member('b', 'c2'), member('c', 'c3')]);
    await settle();
    t.frames.flush();
    expect(ids(t.snap().members)).toEqual(['b:c2', 'c:c3']);
    expect(t.snap().members[0]).toBe(before.members[1]); // b unchanged: same object
  });

  it('a read that only adds a member publishes it', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1')]);
    t.fake.discontinuity();
    t.fake.gets.shift()!.resolve([member('a', 'c1'), member('b', 'c2')]);
    await settle();
    t.frames.flush();
    expect(ids(t.snap().members)).toEqual(['a:c1', 'b:c2']);
  });

  it('seeds occupancy only when attached, not on other statuses', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY });
    let seeds = 0;
    t.fake.channelStatus = () => {
      seeds++;
      return new Promise(() => {});
    };
    t.store.bind(t.fake.room);
    for (const status of ['attaching', 'detached', 'suspended']) t.fake.setStatus(status);
    expect(seeds).toBe(0);
    t.fake.setStatus('attached');
    expect(seeds).toBe(1);
  });

  it('a room without occupancy events is never seeded', async () => {
    const t = setup({ status: 'attached' });
    let seeds = 0;
    t.fake.channelStatus = () => {
      seeds++;
      return new Promise(() => {});
    };
    t.store.bind(t.fake.room);
    t.fake.setStatus('detached');
    t.fake.setStatus('attached');
    expect(seeds).toBe(0);
  });

  it('a read that changes nothing after the first publishes nothing', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1')]);
    const before = t.snap();
    t.fake.discontinuity();
    t.fake.gets.shift()!.resolve([member('a', 'c1')]);
    await settle();
    expect(t.frames.pending).toBe(0);
    expect(t.snap()).toBe(before);
  });

  it('reports a failed read through onError as an ErrorInfo, and reads again on the next discontinuity', async () => {
    const t = setup();
    t.store.bind(t.fake.room);
    t.fake.setStatus('attached');
    t.fake.gets.shift()!.reject(new Error('boom'));
    await settle();
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]).toBeInstanceOf(Ably.ErrorInfo);
    expect(t.errors[0]!.message).toBe('boom');
    expect(t.snap().isSynced).toBe(false);
    // A failed read leaves no stale "touched" set behind: a later event and read behave normally.
    t.fake.emit('enter', member('x', 'cx'));
    t.fake.discontinuity();
    t.fake.gets.shift()!.resolve([]);
    await settle();
    t.frames.flush();
    expect(ids(t.snap().members)).toEqual([]);
    expect(t.snap().isSynced).toBe(true);
  });

  it('an ErrorInfo from the SDK reaches onError unchanged', async () => {
    const t = setup();
    t.store.bind(t.fake.room);
    t.fake.setStatus('attached');
    const sdkError = new Ably.ErrorInfo('no', 40160, 401);
    t.fake.gets.shift()!.reject(sdkError);
    await settle();
    expect(t.errors).toEqual([sdkError]);
  });

  it('when presence events are off (subscribe throws) it reports the error and still reads occupancy', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY });
    t.fake.failSubscribe = new Ably.ErrorInfo('presence events are disabled', 40000, 400);
    t.store.bind(t.fake.room);
    expect(t.errors.map((e) => e.code)).toEqual([40000]);
    t.fake.occupancy(metrics(3));
    t.frames.flush();
    expect(t.snap().occupancy.connections).toBe(3);
  });
});

describe('RoomStore: presence events', () => {
  it('applies enter, update and leave one member at a time, and keeps unchanged members', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1', { v: 1 }), member('b', 'c2', { v: 1 })]);
    const first = t.snap();
    t.fake.emit('update', member('a', 'c1', { v: 2 }, 2_000));
    t.frames.flush();
    const second = t.snap();
    expect(second.members).not.toBe(first.members);
    expect(second.members[0]!.data).toEqual({ v: 2 });
    expect(second.members[1]).toBe(first.members[1]);
    expect(second.people[1]).toBe(first.people[1]);
    expect(second.memberKeys).toBe(first.memberKeys); // an update is not a membership change
    expect(second.personIds).toBe(first.personIds);
    t.fake.emit('leave', member('a', 'c1', { v: 2 }, 3_000));
    t.fake.emit('enter', member('c', 'c3'));
    t.frames.flush();
    expect(ids(t.snap().members)).toEqual(['b:c2', 'c:c3']);
    expect(t.snap().memberKeys).toEqual(['b:c2', 'c:c3']);
    expect(t.snap().personIds).toEqual(['b', 'c']);
  });

  it('an event that changes nothing schedules no frame and keeps the snapshot', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1', { v: 1 })]);
    const before = t.snap();
    t.fake.emit('present', member('a', 'c1', { v: 1 }));
    t.fake.emit('update', member('a', 'c1', { v: 1 }));
    t.fake.emit('leave', member('zz', 'cz'));
    expect(t.frames.pending).toBe(0);
    expect(t.snap()).toBe(before);
  });

  it('coalesces many events into one notification per frame, and never drops the last one', async () => {
    const t = setup();
    await t.synced(t.fake);
    const before = t.notifications();
    for (let i = 0; i < 50; i++) t.fake.emit('update', member('a', 'c1', { i }, 1_000 + i));
    expect(t.frames.pending).toBe(1);
    t.frames.flush();
    expect(t.notifications()).toBe(before + 1);
    expect(t.snap().members[0]!.data).toEqual({ i: 49 });
  });

  it('ignores event types it does not know', async () => {
    const t = setup();
    await t.synced(t.fake);
    const seen: string[] = [];
    t.store.onPresenceEvent((event) => seen.push(event.type));
    t.fake.emit('bogus' as 'enter', member('a', 'c1'));
    expect(t.frames.pending).toBe(0);
    expect(seen).toEqual([]);
  });

  it('one listener that throws does not keep the event from the others; its error still surfaces', async () => {
    const t = setup();
    await t.synced(t.fake);
    const seen: string[] = [];
    const bug = new Error('listener bug');
    t.store.onPresenceEvent(() => {
      throw bug;
    });
    t.store.onPresenceEvent((event) => seen.push(event.member.key));
    let notified = 0;
    t.store.subscribe(() => {
      throw bug;
    });
    t.store.subscribe(() => notified++);
    expect(() => t.fake.emit('enter', member('a', 'c1'))).toThrow(bug);
    expect(seen).toEqual(['a:c1']);
    expect(() => t.frames.flush()).toThrow(bug);
    expect(notified).toBe(1);
    expect(ids(t.snap().members)).toEqual(['a:c1']);
  });

  it('forwards events synchronously, with the stored member object, and stops after unsubscribe', async () => {
    const t = setup();
    await t.synced(t.fake);
    const seen: Array<{ type: string; key: string; member: unknown }> = [];
    const off = t.store.onPresenceEvent((event) =>
      seen.push({ type: event.type, key: event.member.key, member: event.member }),
    );
    t.fake.emit('enter', member('a', 'c1', { v: 1 }));
    t.fake.emit('present', member('a', 'c1', { v: 1 })); // unchanged: the stored object is forwarded
    t.fake.emit('leave', member('a', 'c1', { v: 1 }, 5_000));
    expect(seen.map((s) => `${s.type}:${s.key}`)).toEqual(['enter:a:c1', 'present:a:c1', 'leave:a:c1']);
    expect(seen[1]!.member).toBe(seen[0]!.member);
    t.frames.flush();
    off();
    t.fake.emit('enter', member('b', 'c2'));
    expect(seen).toHaveLength(3);
  });
});

describe('RoomStore: an event racing a pending presence.get()', () => {
  it('an enter during the read survives a read answer that does not have it', async () => {
    const t = setup();
    t.store.bind(t.fake.room);
    t.fake.setStatus('attached');
    t.fake.emit('enter', member('late', 'cl'));
    t.fake.gets.shift()!.resolve([member('a', 'c1')]);
    await settle();
    t.frames.flush();
    expect(ids(t.snap().members).sort()).toEqual(['a:c1', 'late:cl']);
  });

  it('a leave during the read is not undone by a read answer that still has the member', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1'), member('b', 'c2')]);
    t.fake.discontinuity();
    t.fake.emit('leave', member('a', 'c1', undefined, 2_000));
    t.fake.gets.shift()!.resolve([member('a', 'c1'), member('b', 'c2')]);
    await settle();
    t.frames.flush();
    expect(ids(t.snap().members)).toEqual(['b:c2']);
  });

  it("an update during the read keeps the event's data over the read's older data", async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1', { v: 1 })]);
    t.fake.discontinuity();
    t.fake.emit('update', member('a', 'c1', { v: 2 }, 2_000));
    t.fake.gets.shift()!.resolve([member('a', 'c1', { v: 1 })]);
    await settle();
    t.frames.flush();
    expect(t.snap().members[0]!.data).toEqual({ v: 2 });
  });

  it('an answer to an older read that arrives after a newer read started is ignored', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1')]);
    t.fake.discontinuity();
    t.fake.discontinuity();
    expect(t.fake.gets).toHaveLength(2);
    const [older, newer] = t.fake.gets.splice(0);
    newer!.resolve([member('b', 'c2')]);
    await settle();
    older!.resolve([member('ghost', 'cg')]);
    await settle();
    t.frames.flush();
    expect(ids(t.snap().members)).toEqual(['b:c2']);
  });

  it('events after the read finished are applied normally (no stale race bookkeeping)', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1')]);
    t.fake.discontinuity();
    t.fake.gets.shift()!.resolve([member('a', 'c1')]);
    await settle();
    t.fake.emit('enter', member('b', 'c2'));
    t.fake.discontinuity();
    t.fake.gets.shift()!.resolve([member('a', 'c1')]);
    await settle();
    t.frames.flush();
    expect(ids(t.snap().members)).toEqual(['a:c1']); // b was entered before this read began: the read removes it
  });

  it('a failed older read does not clear the race bookkeeping of a newer one', async () => {
    const t = setup();
    await t.synced(t.fake, [member('a', 'c1')]);
    t.fake.discontinuity();
    t.fake.discontinuity();
    const [older, newer] = t.fake.gets.splice(0);
    older!.reject(new Error('old read failed'));
    await settle();
    t.fake.emit('enter', member('late', 'cl'));
    newer!.resolve([member('a', 'c1')]);
    await settle();
    t.frames.flush();
    expect(ids(t.snap().members).sort()).toEqual(['a:c1', 'late:cl']);
  });
});

describe('RoomStore: unbinding', () => {
  it('clears members, sync state and occupancy, and removes every subscription', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY });
    const unbind = await t.synced(t.fake, [member('a', 'c1'), member('me', 'c-me')]);
    t.fake.occupancy(metrics(2));
    t.frames.flush();
    expect(t.snap().hasOccupancy).toBe(true);
    expect(t.snap().self).toHaveLength(1);
    unbind();
    expect(t.fake.listenerCounts()).toEqual({ presence: 0, status: 0, discontinuity: 0, occupancy: 0 });
    t.frames.flush();
    const after = t.snap();
    expect(after.members).toEqual([]);
    expect(after.people).toEqual([]);
    expect(after.others).toEqual([]);
    expect(after.self).toEqual([]);
    expect(after.memberKeys).toEqual([]);
    expect(after.isSynced).toBe(false);
    expect(after.hasOccupancy).toBe(false);
    expect(after.occupancy).toBe(EMPTY_OCCUPANCY);
    expect(t.store.isSelfPresentNow()).toBe(false);
  });

  it('an answer to a read that was pending when unbound is dropped', async () => {
    const t = setup();
    const unbind = t.store.bind(t.fake.room);
    t.fake.setStatus('attached');
    unbind();
    t.fake.gets.shift()!.resolve([member('ghost', 'cg')]);
    await settle();
    t.frames.flush();
    expect(t.snap().members).toEqual([]);
    expect(t.snap().isSynced).toBe(false);
  });

  it('can be bound again after unbinding and reads the new room', async () => {
    const t = setup();
    const unbind = await t.synced(t.fake, [member('a', 'c1')]);
    unbind();
    const second = createFakeRoom();
    await t.synced(second, [member('b', 'c2')]);
    expect(ids(t.snap().members)).toEqual(['b:c2']);
    expect(t.snap().isSynced).toBe(true);
  });

  it('dispose with no pending frame is fine', () => {
    const t = setup();
    expect(() => t.store.dispose()).not.toThrow();
    expect(t.frames.pending).toBe(0);
  });

  it('dispose cancels the pending frame and drops listeners', async () => {
    const t = setup();
    await t.synced(t.fake);
    let events = 0;
    t.store.onPresenceEvent(() => events++);
    t.fake.emit('enter', member('a', 'c1'));
    expect(t.frames.pending).toBe(1);
    const before = t.notifications();
    t.store.dispose();
    expect(t.frames.pending).toBe(0);
    t.fake.emit('enter', member('b', 'c2'));
    expect(events).toBe(1);
    t.frames.flush();
    expect(t.notifications()).toBe(before);
  });

  it('unsubscribed listeners are not called', async () => {
    const t = setup();
    let calls = 0;
    const off = t.store.subscribe(() => calls++);
    off();
    await t.synced(t.fake, [member('a', 'c1')]);
    expect(calls).toBe(0);
  });
});

describe('RoomStore: self and others', () => {
  it('self is my member on my current connection only; others leaves out every tab of mine', async () => {
    const t = setup({ clientId: 'me', connectionId: 'c1' });
    await t.synced(t.fake, [member('me', 'c1'), member('me', 'c2'), member('bob', 'cb')]);
    expect(ids(t.snap().self)).toEqual(['me:c1']);
    expect(t.snap().others.map((p) => p.clientId)).toEqual(['bob']);
    expect(t.snap().otherPersonIds).toEqual(['bob']);
    expect(t.store.isSelfPresentNow()).toBe(true);
  });

  it('after a connection change, self follows the new connectionId once connectionChanged() is called', async () => {
    const t = setup({ clientId: 'me', connectionId: 'old' });
    await t.synced(t.fake, [member('me', 'old'), member('bob', 'cb')]);
    const othersBefore = t.snap().others;
    t.identity.connectionId = 'new';
    expect(t.store.isSelfPresentNow()).toBe(false); // read live, not from the snapshot
    t.store.connectionChanged();
    t.frames.flush();
    expect(t.snap().self).toEqual([]);
    t.fake.emit('enter', member('me', 'new', undefined, 2_000));
    t.fake.emit('leave', member('me', 'old', undefined, 2_000));
    t.frames.flush();
    expect(ids(t.snap().self)).toEqual(['me:new']);
    expect(t.store.isSelfPresentNow()).toBe(true);
    expect(t.snap().others).toBe(othersBefore); // bob did not change
  });

  it('connectionChanged() with the same connection keeps every reference', async () => {
    const t = setup({ clientId: 'me', connectionId: 'c1' });
    await t.synced(t.fake, [member('me', 'c1'), member('bob', 'cb')]);
    const before = t.snap();
    t.store.connectionChanged();
    t.frames.flush();
    expect(t.snap()).toBe(before);
  });

  it('with no clientId or no connection yet, self is empty and others is everyone', async () => {
    const t = setup();
    t.identity.clientId = undefined;
    await t.synced(t.fake, [member('me', 'c-me'), member('bob', 'cb')]);
    expect(t.snap().self).toEqual([]);
    expect(t.snap().others).toBe(t.snap().people);
    expect(t.snap().otherPersonIds).toBe(t.snap().personIds);
    expect(t.store.isSelfPresentNow()).toBe(false);
    t.identity.clientId = 'me';
    t.identity.connectionId = undefined;
    expect(t.store.isSelfPresentNow()).toBe(false);
    t.store.connectionChanged();
    t.frames.flush();
    expect(t.snap().self).toEqual([]);
    expect(t.snap().others.map((p) => p.clientId)).toEqual(['bob']);
  });

  it('with no clientId, a member whose clientId is the text "undefined" is not me', async () => {
    const t = setup();
    t.identity.clientId = undefined;
    await t.synced(t.fake, [member('undefined', 'c-me')]);
    expect(t.store.isSelfPresentNow()).toBe(false);
    t.identity.clientId = 'me';
    t.identity.connectionId = undefined;
    await t.synced(createFakeRoom(), [member('me', 'undefined')]);
    expect(t.store.isSelfPresentNow()).toBe(false);
  });

  it('when I am not in the room, others is people itself', async () => {
    const t = setup({ clientId: 'me', connectionId: 'c1' });
    await t.synced(t.fake, [member('bob', 'cb'), member('carol', 'cc')]);
    expect(t.snap().others).toBe(t.snap().people);
    expect(t.snap().otherPersonIds).toBe(t.snap().personIds);
  });

  it('losing the connection id after being present empties self', async () => {
    const t = setup({ clientId: 'me', connectionId: 'c1' });
    await t.synced(t.fake, [member('me', 'c1')]);
    expect(t.snap().self).toHaveLength(1);
    t.identity.connectionId = undefined;
    t.store.connectionChanged();
    t.frames.flush();
    expect(t.snap().self).toBe(EMPTY_ROOM_SNAPSHOT.self);
  });

  it('leaving makes self the shared frozen empty list again', async () => {
    const t = setup({ clientId: 'me', connectionId: 'c1' });
    await t.synced(t.fake, [member('me', 'c1')]);
    t.fake.emit('leave', member('me', 'c1', undefined, 2_000));
    t.frames.flush();
    expect(t.snap().self).toBe(EMPTY_ROOM_SNAPSHOT.self);
  });

  it('others keeps its identity when only I change, and changes when someone else does', async () => {
    const t = setup({ clientId: 'me', connectionId: 'c1' });
    await t.synced(t.fake, [member('me', 'c1', { v: 1 }), member('bob', 'cb')]);
    const before = t.snap();
    t.fake.emit('update', member('me', 'c1', { v: 2 }, 2_000));
    t.frames.flush();
    expect(t.snap().people).not.toBe(before.people);
    expect(t.snap().self).not.toBe(before.self);
    expect(t.snap().others).toBe(before.others);
    expect(t.snap().otherPersonIds).toBe(before.otherPersonIds);
    t.fake.emit('update', member('bob', 'cb', { v: 2 }, 2_000));
    t.frames.flush();
    expect(t.snap().others).not.toBe(before.others);
    expect(t.snap().others[0]!.latest.data).toEqual({ v: 2 });
    expect(t.snap().otherPersonIds).toBe(before.otherPersonIds);
  });

  it('when I am the only one here, others is the frozen empty list', async () => {
    const t = setup({ clientId: 'me', connectionId: 'c1' });
    await t.synced(t.fake, [member('me', 'c1')]);
    expect(t.snap().others).toBe(EMPTY_ROOM_SNAPSHOT.others);
    expect(t.snap().otherPersonIds).toBe(EMPTY_ROOM_SNAPSHOT.otherPersonIds);
  });

  it('when someone else arrives, others and otherPersonIds change', async () => {
    const t = setup({ clientId: 'me', connectionId: 'c1' });
    await t.synced(t.fake, [member('me', 'c1')]);
    const before = t.snap();
    t.fake.emit('enter', member('bob', 'cb'));
    t.frames.flush();
    expect(t.snap().others.map((p) => p.clientId)).toEqual(['bob']);
    expect(t.snap().otherPersonIds).toEqual(['bob']);
    expect(t.snap().otherPersonIds).not.toBe(before.otherPersonIds);
    expect(Object.isFrozen(t.snap().others)).toBe(true);
  });
});

describe('RoomStore: occupancy', () => {
  it('does not listen for occupancy events when the room has them off', async () => {
    const t = setup();
    t.store.bind(t.fake.room);
    expect(t.fake.listenerCounts().occupancy).toBe(0);
  });

  it('applies [meta]occupancy events (all metrics), and ignores repeats and unreadable ones', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY });
    await t.synced(t.fake);
    t.fake.occupancy(metrics(2, { presenceMembers: 1, subscribers: 2 }));
    t.frames.flush();
    const first = t.snap();
    expect(first.hasOccupancy).toBe(true);
    expect(first.occupancy).toMatchObject({ connections: 2, presenceMembers: 1, subscribers: 2, publishers: 0 });
    t.fake.occupancy(metrics(2, { presenceMembers: 1, subscribers: 2 }));
    t.fake.occupancy('not json');
    t.fake.occupancy({ nothing: true });
    expect(t.frames.pending).toBe(0);
    expect(t.snap()).toBe(first);
  });

  it('setting the empty occupancy itself still marks occupancy as known', async () => {
    const t = setup();
    await t.synced(t.fake);
    t.store.setOccupancy(EMPTY_OCCUPANCY);
    t.frames.flush();
    expect(t.snap().hasOccupancy).toBe(true);
  });

  it('zero metrics still count as occupancy having arrived', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY });
    await t.synced(t.fake);
    t.fake.occupancy(metrics(0));
    t.frames.flush();
    expect(t.snap().hasOccupancy).toBe(true);
  });

  it('seeds occupancy from the channel status on attach', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY });
    t.fake.channelStatus = () => Promise.resolve({ status: { occupancy: metrics(4) } });
    await t.synced(t.fake);
    await settle();
    t.frames.flush();
    expect(t.snap().occupancy.connections).toBe(4);
    expect(t.snap().hasOccupancy).toBe(true);
  });

  it('seeds at bind when the room is already attached', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY, status: 'attached' });
    t.fake.channelStatus = () => Promise.resolve({ status: { occupancy: metrics(6) } });
    t.store.bind(t.fake.room);
    await settle();
    t.frames.flush();
    expect(t.snap().occupancy.connections).toBe(6);
  });

  it('an event that arrives while the seed is in flight wins over the seed', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY });
    let answer!: (value: unknown) => void;
    t.fake.channelStatus = () => new Promise((resolve) => (answer = resolve));
    await t.synced(t.fake);
    t.fake.occupancy(metrics(9));
    answer({ status: { occupancy: metrics(1) } });
    await settle();
    t.frames.flush();
    expect(t.snap().occupancy.connections).toBe(9);
  });

  it('does not seed again on re-attach once occupancy is known, and a failed seed is harmless', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY });
    let seeds = 0;
    t.fake.channelStatus = () => {
      seeds++;
      return Promise.reject(new Error('no channel-metadata capability'));
    };
    await t.synced(t.fake);
    await settle();
    expect(seeds).toBe(1);
    expect(t.errors).toEqual([]);
    t.fake.occupancy(metrics(1));
    t.fake.setStatus('detached');
    t.fake.setStatus('attached');
    expect(seeds).toBe(1);
  });

  it('setOccupancy (a REST poll) applies new metrics and ignores unchanged ones', async () => {
    const t = setup();
    await t.synced(t.fake);
    const polled = { ...EMPTY_OCCUPANCY, connections: 3 };
    t.store.setOccupancy(polled);
    t.frames.flush();
    const first = t.snap();
    expect(first.occupancy).toBe(polled);
    t.store.setOccupancy({ ...polled });
    expect(t.frames.pending).toBe(0);
    t.store.setOccupancy({ ...polled, objectSubscribers: 1 });
    t.frames.flush();
    expect(t.snap().occupancy.objectSubscribers).toBe(1);
  });

  it('an occupancy change keeps every member reference', async () => {
    const t = setup({ roomOptions: LIVE_OCCUPANCY });
    await t.synced(t.fake, [member('a', 'c1')]);
    const before = t.snap();
    t.fake.occupancy(metrics(5));
    t.frames.flush();
    expect(t.snap()).not.toBe(before);
    expect(t.snap().members).toBe(before.members);
    expect(t.snap().people).toBe(before.people);
    expect(t.snap().others).toBe(before.others);
    expect(t.snap().self).toBe(before.self);
  });
});

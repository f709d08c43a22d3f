// @vitest-environment node
import * as Ably from 'ably';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceKitError, PresenceKitErrorCode } from '../../src/errors.js';
import { resetWarnings } from '../../src/internal/dev-warning.js';
import { createManualFrameScheduler } from '../../src/store/frame-scheduler.js';
import { PresenceController, REENTRY_GRACE_MS } from '../../src/store/presence-controller.js';
import { RoomStore } from '../../src/store/room-store.js';
import { createFakeRoom, member, settle } from './support/fake-room.js';

function setup() {
  const frames = createManualFrameScheduler();
  const store = new RoomStore({ scheduler: frames.schedule, identity: () => ({ clientId: 'me', connectionId: 'c1' }) });
  const fake = createFakeRoom({}, 'attached');
  store.bind(fake.room);
  const answerFirstRead = fake.gets.shift()!;
  let attached: () => Promise<typeof fake.room> = () => Promise.resolve(fake.room);
  const controller = new PresenceController({ store, whenAttached: () => attached() });
  const ops = () =>
    fake.calls.map((call) => (call.data === undefined ? call.op : `${call.op} ${JSON.stringify(call.data)}`));
  return {
    store,
    fake,
    controller,
    ops,
    answerFirstRead,
    setAttached(next: () => Promise<typeof fake.room>) {
      attached = next;
    },
    /** A full read that shows these members, as after a discontinuity. */
    async reconcile(members: ReturnType<typeof member>[]) {
      fake.discontinuity();
      fake.gets.shift()!.resolve(members);
      await settle();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const A = Symbol('a');
const B = Symbol('b');

describe('PresenceController: one presence shared by holders', () => {
  it('enters once with the holder data, and does nothing for a holder that does not enter', async () => {
    const t = setup();
    await t.controller.addHolder(B, { quiet: true }, false);
    expect(t.ops()).toEqual([]);
    await t.controller.addHolder(A, { name: 'me' }, true);
    expect(t.ops()).toEqual(['enter {"name":"me"}']);
    expect(t.controller.error.getSnapshot()).toBeNull();
  });

  it('enters without data when no holder has any', async () => {
    const t = setup();
    await t.controller.addHolder(A, undefined, true);
    expect(t.fake.calls).toEqual([{ op: 'enter', data: undefined }]);
  });

  it('merges the present holders data shallowly in mount order; the later key wins and a warning is shown once', async () => {
    resetWarnings();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    await t.controller.addHolder(A, { name: 'me', status: 'old' }, true);
    await t.controller.addHolder(B, { status: 'busy' }, true);
    expect(t.ops()).toEqual(['enter {"name":"me","status":"old"}', 'update {"name":"me","status":"busy"}']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('"status"');
    // A holder that is not present contributes nothing.
    await t.controller.leave(B);
    expect(t.ops().at(-1)).toBe('update {"name":"me","status":"old"}');
  });

  it('each conflicting key warns once; production builds never warn', async () => {
    resetWarnings();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    await t.controller.addHolder(A, { x: 1, y: 1 }, true);
    await t.controller.addHolder(B, { x: 2, y: 2 }, true);
    expect(warn.mock.calls.map((call) => String(call[0]).match(/key "(\w)"/)?.[1])).toEqual(['x', 'y']);
    resetWarnings();
    warn.mockClear();
    vi.stubEnv('NODE_ENV', 'production');
    try {
      await t.controller.setData(B, { x: 3, y: 3 });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(t.ops().at(-1)).toBe('update {"x":3,"y":3}');
    expect(warn).not.toHaveBeenCalled();
  });

  it('a change undone while waiting for the room sends nothing', async () => {
    const t = setup();
    await t.controller.addHolder(A, { v: 1 }, true);
    let attach!: () => void;
    t.setAttached(() => new Promise((resolve) => (attach = () => resolve(t.fake.room))));
    const first = t.controller.setData(A, { v: 2 });
    const back = t.controller.setData(A, { v: 1 });
    attach();
    await first;
    await back;
    expect(t.ops()).toEqual(['enter {"v":1}']);
  });

  it('two holders with the same value for a key do not warn', async () => {
    resetWarnings();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    await t.controller.addHolder(A, { name: 'me' }, true);
    await t.controller.addHolder(B, { name: 'me', extra: 1 }, true);
    expect(warn).not.toHaveBeenCalled();
    expect(t.ops()).toEqual(['enter {"name":"me"}', 'update {"name":"me","extra":1}']);
  });

  it('setData sends an update only when present, and only when the merged data changed by value', async () => {
    const t = setup();
    await t.controller.addHolder(A, { v: 1 }, false);
    await t.controller.setData(A, { v: 2 });
    expect(t.ops()).toEqual([]);
    await t.controller.enter(A);
    await t.controller.setData(A, { v: 2 });
    await t.controller.setData(A, { v: 3 });
    expect(t.ops()).toEqual(['enter {"v":2}', 'update {"v":3}']);
  });

  it('enter with data replaces the holder data; update does the same; enter without data keeps it', async () => {
    const t = setup();
    await t.controller.addHolder(A, { v: 1 }, false);
    await t.controller.enter(A, { v: 5 });
    await t.controller.update(A, { v: 6 });
    await t.controller.leave(A);
    await t.controller.enter(A);
    expect(t.ops()).toEqual(['enter {"v":5}', 'update {"v":6}', 'leave', 'enter {"v":6}']);
  });

  it('calls for a token that is not a holder do nothing', async () => {
    const t = setup();
    await t.controller.enter(A, { v: 1 });
    await t.controller.setData(A, { v: 1 });
    await t.controller.leave(A);
    t.controller.removeHolder(A);
    expect(t.ops()).toEqual([]);
  });

  it('leaves only when no holder wants presence any more', async () => {
    const t = setup();
    await t.controller.addHolder(A, undefined, true);
    await t.controller.addHolder(B, undefined, true);
    await t.controller.leave(A);
    expect(t.ops()).toEqual(['enter']);
    await t.controller.leave(B);
    expect(t.ops()).toEqual(['enter', 'leave']);
  });

  it('coalesces changes made while a call is in flight into one follow-up', async () => {
    const t = setup();
    let release!: () => void;
    t.fake.presenceCall = (op) =>
      op === 'enter' ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    const entering = t.controller.addHolder(A, { v: 1 }, true);
    await settle();
    void t.controller.setData(A, { v: 2 });
    void t.controller.setData(A, { v: 3 });
    const last = t.controller.setData(A, { v: 4 });
    release();
    await entering;
    await last;
    expect(t.ops()).toEqual(['enter {"v":1}', 'update {"v":4}']);
  });

  it('a change made right after a run finished starts a new run (never joins the finished one)', async () => {
    const t = setup();
    await t.controller.addHolder(A, { v: 1 }, true);
    const noop = t.controller.setData(A, { v: 1 });
    const change = t.controller.setData(A, { v: 2 });
    await noop;
    await change;
    expect(t.ops()).toEqual(['enter {"v":1}', 'update {"v":2}']);
  });
});

describe('PresenceController: mount and unmount', () => {
  it("StrictMode's add, remove, add sends one enter and no leave", async () => {
    vi.useFakeTimers();
    const t = setup();
    const first = t.controller.addHolder(A, { v: 1 }, true);
    t.controller.removeHolder(A);
    const second = t.controller.addHolder(A, { v: 1 }, true);
    await vi.runAllTimersAsync();
    await first;
    await second;
    expect(t.ops()).toEqual(['enter {"v":1}']);
  });

  it('the last holder out leaves a tick later, once', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.controller.addHolder(A, undefined, true);
    await t.controller.addHolder(B, { b: 1 }, true);
    t.controller.removeHolder(B);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.ops()).toEqual(['enter', 'update {"b":1}', 'update']);
    t.controller.removeHolder(A);
    await settle();
    expect(t.ops()).toHaveLength(3); // not yet: a remount in the same tick would cancel it
    await vi.advanceTimersByTimeAsync(0);
    await t.controller.settled();
    expect(t.ops()).toEqual(['enter', 'update {"b":1}', 'update', 'leave']);
    t.controller.removeHolder(A);
    await vi.advanceTimersByTimeAsync(10);
    expect(t.ops()).toHaveLength(4);
  });

  it('after the last holder left, reconciles no longer trigger a re-entry', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.controller.addHolder(A, undefined, true);
    t.controller.removeHolder(A);
    await vi.advanceTimersByTimeAsync(0);
    await t.controller.settled();
    t.answerFirstRead.resolve([]);
    await t.reconcile([]);
    await vi.advanceTimersByTimeAsync(REENTRY_GRACE_MS * 2);
    expect(t.ops()).toEqual(['enter', 'leave']);
  });

  it('a re-entry timer pending when the last holder leaves is cancelled', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.controller.addHolder(A, undefined, true);
    t.answerFirstRead.resolve([]); // the read shows us absent: a re-entry is scheduled
    await settle();
    t.controller.removeHolder(A);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(REENTRY_GRACE_MS * 2);
    expect(t.ops()).toEqual(['enter', 'leave']);
  });
});

describe('PresenceController: errors', () => {
  it('a room that cannot be attached rejects the call and sets error; the next success clears it', async () => {
    const t = setup();
    const unavailable = new PresenceKitError(PresenceKitErrorCode.RoomUnavailable, 'room gone');
    t.setAttached(() => Promise.reject(unavailable));
    await expect(t.controller.addHolder(A, undefined, true)).rejects.toBe(unavailable);
    expect(t.controller.error.getSnapshot()).toBe(unavailable);
    t.setAttached(() => Promise.resolve(t.fake.room));
    await t.controller.setData(A, { v: 1 });
    expect(t.ops()).toEqual(['enter {"v":1}']);
    expect(t.controller.error.getSnapshot()).toBeNull();
  });

  it('a failed presence call rejects with an ErrorInfo and is retried on the next change', async () => {
    const t = setup();
    t.fake.presenceCall = () => Promise.reject(new Error('network'));
    const error = await t.controller.addHolder(A, { v: 1 }, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Ably.ErrorInfo);
    expect((error as Ably.ErrorInfo).message).toBe('network');
    expect(t.controller.error.getSnapshot()).toBe(error);
    t.fake.presenceCall = () => Promise.resolve();
    await t.controller.setData(A, { v: 2 });
    expect(t.ops()).toEqual(['enter {"v":1}', 'enter {"v":2}']); // still not applied: enter, not update
  });

  it('settled() resolves even when the run failed, and at once when idle', async () => {
    const t = setup();
    await expect(t.controller.settled()).resolves.toBeUndefined();
    t.fake.presenceCall = () => Promise.reject(new Error('x'));
    const run = t.controller.addHolder(A, undefined, true).catch(() => {});
    await expect(t.controller.settled()).resolves.toBeUndefined();
    await run;
  });

  it('reset() forgets what was applied: the next change enters again instead of updating', async () => {
    const t = setup();
    await t.controller.addHolder(A, { v: 1 }, true);
    t.controller.reset();
    await t.controller.setData(A, { v: 2 });
    expect(t.ops()).toEqual(['enter {"v":1}', 'enter {"v":2}']);
  });
});

describe('PresenceController: re-entry after a reconcile', () => {
  it('enters again when a read shows us absent and the SDK did not re-enter within the grace period', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.controller.addHolder(A, { v: 1 }, true);
    t.answerFirstRead.resolve([]);
    await settle();
    await vi.advanceTimersByTimeAsync(REENTRY_GRACE_MS - 1);
    expect(t.ops()).toEqual(['enter {"v":1}']);
    await vi.advanceTimersByTimeAsync(1);
    await t.controller.settled();
    expect(t.ops()).toEqual(['enter {"v":1}', 'enter {"v":1}']);
  });

  it('does not enter again when we are present (the SDK re-entered in time)', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.controller.addHolder(A, undefined, true);
    t.answerFirstRead.resolve([]);
    await settle();
    t.fake.emit('enter', member('me', 'c1'));
    await vi.advanceTimersByTimeAsync(REENTRY_GRACE_MS);
    expect(t.ops()).toEqual(['enter']);
  });

  it('does not enter when no holder wants presence', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.controller.addHolder(A, undefined, false);
    t.answerFirstRead.resolve([]);
    await settle();
    await vi.advanceTimersByTimeAsync(REENTRY_GRACE_MS);
    expect(t.ops()).toEqual([]);
  });

  it('does not start a second run while one is in flight', async () => {
    vi.useFakeTimers();
    const t = setup();
    let release!: () => void;
    t.fake.presenceCall = () => new Promise<void>((resolve) => (release = resolve));
    const entering = t.controller.addHolder(A, undefined, true);
    t.answerFirstRead.resolve([]);
    await settle();
    await vi.advanceTimersByTimeAsync(REENTRY_GRACE_MS);
    expect(t.ops()).toEqual(['enter']);
    release();
    await entering;
    expect(t.ops()).toEqual(['enter']);
  });

  it('several reads in a row schedule one re-entry, counted from the last read', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.controller.addHolder(A, undefined, true);
    t.answerFirstRead.resolve([]);
    await settle();
    await vi.advanceTimersByTimeAsync(REENTRY_GRACE_MS / 2);
    await t.reconcile([]);
    await vi.advanceTimersByTimeAsync(REENTRY_GRACE_MS / 2 + 1);
    expect(t.ops()).toEqual(['enter']);
    await vi.advanceTimersByTimeAsync(REENTRY_GRACE_MS / 2);
    await t.controller.settled();
    expect(t.ops()).toEqual(['enter', 'enter']);
  });
});

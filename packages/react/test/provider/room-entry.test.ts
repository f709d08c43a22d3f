// @vitest-environment node
import * as Ably from 'ably';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceKitError, PresenceKitErrorCode } from '../../src/errors.js';
import { OCCUPANCY_POLL_INTERVAL_MS, RoomEntry, type RoomErrorEvent } from '../../src/provider/room-entry.js';
import { RoomLedger } from '../../src/provider/room-ledger.js';
import { createManualFrameScheduler } from '../../src/store/frame-scheduler.js';
import { type FakeRoom, member, settle } from '../store/support/fake-room.js';
import { createFakeClient } from './support/fake-client.js';

afterEach(() => {
  vi.useRealTimers();
});

function setup(options?: object, name = 'room') {
  const fake = createFakeClient('me');
  const frames = createManualFrameScheduler();
  const stopped: RoomEntry[] = [];
  const ledger = new RoomLedger(fake.client.rooms);
  const entry = new RoomEntry(name, options, fake.client, ledger, frames.schedule, (e) => stopped.push(e));
  const errors: string[] = [];
  entry.onError((event: RoomErrorEvent) => errors.push(`${event.room}:${event.kind}:${event.error.code}`));
  return { fake, frames, ledger, entry, stopped, errors, room: () => fake.rooms.get(name)! };
}

const statusOf = (entry: RoomEntry) => entry.status.getSnapshot();

describe('RoomEntry: acquiring and attaching', () => {
  it('does nothing until retained; then gets and attaches the room and reports its status', async () => {
    const t = setup();
    expect(t.fake.log).toEqual([]);
    expect(statusOf(t.entry).status).toBe('initialized');
    t.entry.retain();
    await settle();
    expect(t.fake.log).toEqual(['get room']);
    expect(t.room().attaches).toBe(1);
    expect(statusOf(t.entry)).toEqual({ status: 'attached', error: undefined });
    expect(await t.entry.whenAttached()).toBe(t.room().room);
  });

  it('a second retain shares the session', async () => {
    const t = setup();
    t.entry.retain();
    t.entry.retain();
    await settle();
    expect(t.fake.log).toEqual(['get room']);
    expect(t.room().attaches).toBe(1);
  });

  it('whenAttached waits while the room is not attached, and resolves on the next attached status', async () => {
    const t = setup();
    t.fake.onRoom = (room) => {
      room.attach = () => new Promise(() => {}); // the SDK is still attaching
    };
    t.entry.retain();
    await settle();
    let attached: unknown;
    void t.entry.whenAttached().then((room) => {
      attached = room;
    });
    await settle();
    expect(attached).toBeUndefined();
    t.room().setStatus('attaching');
    await settle();
    expect(attached).toBeUndefined();
    t.room().setStatus('attached');
    await settle();
    expect(attached).toBe(t.room().room);
  });

  it('a failed attach rejects waiting presence calls with 104003 naming the room and the cause', async () => {
    const t = setup();
    const denied = new Ably.ErrorInfo('no capability', 40160, 401);
    t.fake.onRoom = (room) => {
      room.attach = () => Promise.reject(denied);
    };
    const waiting = t.entry.whenAttached().catch((error: unknown) => error);
    t.entry.retain();
    const error = (await waiting) as PresenceKitError;
    expect(error).toBeInstanceOf(PresenceKitError);
    expect(error.code).toBe(PresenceKitErrorCode.RoomUnavailable);
    expect(error.cause).toBe(denied);
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe(
      'Room "room" is unavailable (attaching failed: no capability); presence cannot be sent. Check the token\'s capability for this room and the connection, then remount the room.',
    );
    expect(t.errors).toEqual(['room:attach:40160']);
    // Later calls fail at once with the same error.
    await expect(t.entry.whenAttached()).rejects.toBe(error);
  });

  it('a room held elsewhere with other options fails with 104003 that says how to fix it', async () => {
    const t = setup();
    t.fake.failGet.set('room', new Ably.ErrorInfo('different options', 102107, 400));
    const waiting = t.entry.whenAttached().catch((error: unknown) => error);
    t.entry.retain();
    const error = (await waiting) as PresenceKitError;
    expect(error.code).toBe(PresenceKitErrorCode.RoomUnavailable);
    expect(error.message).toMatch(/already held on this ChatClient with different options/);
    expect((error.cause as Ably.ErrorInfo).code).toBe(102107);
    expect(statusOf(t.entry)).toEqual({ status: 'failed', error });
    expect(t.errors).toEqual(['room:attach:104003']);
  });

  it('any other failure to get the room is reported as it is', async () => {
    const t = setup();
    t.fake.failGet.set('room', new Error('boom'));
    t.entry.retain();
    await settle();
    expect(statusOf(t.entry).status).toBe('failed');
    expect(statusOf(t.entry).error).toBeInstanceOf(Ably.ErrorInfo);
    expect(statusOf(t.entry).error!.message).toBe('boom');
    expect(t.errors).toEqual(['room:attach:50000']);
    const error = (await t.entry.whenAttached().catch((e: unknown) => e)) as PresenceKitError;
    expect(error).toBeInstanceOf(PresenceKitError);
    expect(error.code).toBe(PresenceKitErrorCode.RoomUnavailable);
    expect(error.statusCode).toBe(500);
    expect(error.message).toBe(
      'Room "room" is unavailable (getting the room failed: boom); presence cannot be sent. Check the token\'s capability for this room and the connection, then remount the room.',
    );
  });

  it('a room that fails later rejects waiting calls, and reports the status error', async () => {
    const t = setup();
    t.entry.retain();
    await settle();
    t.room().setStatus('detached');
    const waiting = t.entry.whenAttached().catch((error: unknown) => error);
    const cause = new Ably.ErrorInfo('channel failed', 90000, 500);
    t.room().setStatus('failed', cause);
    const error = (await waiting) as PresenceKitError;
    expect(error.message).toMatch(/^Room "room" is unavailable \(the room failed: channel failed\)/);
    expect(t.errors).toEqual(['room:status:90000']);
    expect(statusOf(t.entry)).toEqual({ status: 'failed', error: cause });
  });

  it('a failure with no error still explains itself', async () => {
    const t = setup();
    t.entry.retain();
    await settle();
    t.room().setStatus('detached');
    const waiting = t.entry.whenAttached().catch((error: unknown) => error);
    t.room().setStatus('failed');
    const error = (await waiting) as PresenceKitError;
    expect(error.message).toMatch(/^Room "room" is unavailable \(the room failed\); presence cannot be sent/);
    expect(error.statusCode).toBe(400);
    expect(t.errors).toEqual([]);
  });

  it('reports discontinuities and store read errors as room errors', async () => {
    const t = setup();
    t.entry.retain();
    await settle();
    t.room().discontinuity(new Ably.ErrorInfo('lost', 102100, 500));
    t.room()
      .gets.shift()!
      .reject(new Ably.ErrorInfo('get failed', 91000, 500));
    await settle();
    expect(t.errors).toEqual(['room:discontinuity:102100', 'room:presence:91000']);
  });

  it('a throwing error listener does not keep the error from the listeners after it', async () => {
    const t = setup();
    t.entry.onError(() => {
      throw new Error('faulty app listener');
    });
    const after: string[] = [];
    t.entry.onError((event) => after.push(event.kind));
    t.entry.retain();
    await settle();
    expect(() => t.room().discontinuity(new Ably.ErrorInfo('lost', 102100, 500))).toThrow('faulty app listener');
    expect(after).toEqual(['discontinuity']);
    expect(t.errors).toEqual(['room:discontinuity:102100']);
  });

  it('stops reporting to a listener once it unsubscribes', async () => {
    const t = setup();
    const seen: string[] = [];
    const off = t.entry.onError((event) => seen.push(event.kind));
    off();
    t.entry.retain();
    await settle();
    t.room().discontinuity(new Ably.ErrorInfo('lost', 102100, 500));
    expect(seen).toEqual([]);
  });

  it('a new connection makes the store recompute self', async () => {
    const t = setup();
    t.entry.retain();
    await settle();
    t.room()
      .gets.shift()!
      .resolve([member('me', 'conn-1'), member('me', 'conn-2')]);
    await settle();
    t.frames.flush();
    expect(t.entry.store.getSnapshot().self.map((m) => m.connectionId)).toEqual(['conn-1']);
    t.fake.connectionStatus('disconnected', 'conn-2');
    t.frames.flush();
    expect(t.entry.store.getSnapshot().self.map((m) => m.connectionId)).toEqual(['conn-1']);
    t.fake.connectionStatus('connected', 'conn-2');
    t.frames.flush();
    expect(t.entry.store.getSnapshot().self.map((m) => m.connectionId)).toEqual(['conn-2']);
  });

  it('occupancyEvents follows the room options', () => {
    expect(setup().entry.occupancyEvents).toBe(false);
    expect(setup({ occupancy: { enableEvents: false } }).entry.occupancyEvents).toBe(false);
    expect(setup({ occupancy: { enableEvents: true } }).entry.occupancyEvents).toBe(true);
  });
});

describe('RoomEntry: letting go', () => {
  it('the last release stops a tick later: presence calls are rejected, status released, the room released', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.entry.retain();
    await settle();
    t.room().setStatus('detached');
    const waiting = t.entry.whenAttached().catch((error: unknown) => error);
    t.entry.release();
    expect(t.stopped).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stopped).toEqual([t.entry]);
    expect(statusOf(t.entry)).toEqual({ status: 'released', error: undefined });
    const error = (await waiting) as PresenceKitError;
    expect(error.code).toBe(PresenceKitErrorCode.RoomUnavailable);
    expect(error.message).toBe('Room "room" was let go (its last component unmounted) before presence could be sent.');
    await vi.runAllTimersAsync();
    expect(t.fake.log).toEqual(['get room', 'release room']);
  });

  it("StrictMode's release then retain in the same tick keeps the session", async () => {
    vi.useFakeTimers();
    const t = setup();
    t.entry.retain();
    t.entry.release();
    t.entry.retain();
    await vi.runAllTimersAsync();
    expect(t.stopped).toEqual([]);
    expect(t.fake.log).toEqual(['get room']);
    expect(statusOf(t.entry).status).toBe('attached');
  });

  it('releases beyond the retains are ignored, and two releases stop once', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.entry.retain();
    t.entry.retain();
    t.entry.release();
    await vi.runAllTimersAsync();
    expect(t.stopped).toEqual([]);
    t.entry.release();
    t.entry.release();
    await vi.runAllTimersAsync();
    expect(t.stopped).toEqual([t.entry]);
    expect(t.fake.log).toEqual(['get room', 'release room']);
    t.entry.retain(); // a fresh session after a stop
    await vi.runAllTimersAsync();
    expect(t.fake.log).toEqual(['get room', 'release room', 'get room']);
  });

  it('when someone else still holds the room, the kit leaves presence instead of releasing it', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.entry.retain();
    await vi.runAllTimersAsync();
    await t.fake.client.rooms.get('room'); // e.g. ChatRoomProvider
    await t.entry.presence.addHolder(Symbol('holder'), undefined, true);
    t.entry.release();
    await vi.runAllTimersAsync();
    expect(t.fake.log).toEqual(['get room', 'get room']);
    expect(t.room().calls.map((c) => c.op)).toEqual(['enter', 'leave']);
  });

  // Ably Chat's own release retries the detach until it succeeds and never rejects, so no server state produces this:
  // only the fake client can. Seen from the kit, a rejected release means the room may still be held by the client.
  it('a release that rejects still leaves presence and stops cleanly, and the next session releases the room', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    t.entry.retain();
    await vi.runAllTimersAsync();
    await t.entry.presence.addHolder(Symbol('holder'), undefined, true);
    t.fake.failRelease.set('room', new Ably.ErrorInfo('detach failed', 90000, 500));
    t.entry.release();
    await vi.runAllTimersAsync();
    expect(t.stopped).toEqual([t.entry]);
    expect(statusOf(t.entry)).toEqual({ status: 'released', error: undefined });
    expect(t.fake.log).toEqual(['get room', 'release room']);
    // Nobody else sees a ghost: the room is still attached, so the kit leaves presence in it.
    expect(t.room().calls.map((c) => c.op)).toEqual(['enter', 'leave']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Room "room" could not be released \(detach failed\)/));

    // The room is still in the client; the kit got it, so the next session releases it rather than taking it for
    // someone else's (which would leave it attached for good).
    t.entry.retain();
    await vi.runAllTimersAsync();
    t.entry.release();
    await vi.runAllTimersAsync();
    expect(t.fake.log).toEqual(['get room', 'release room', 'get room', 'release room']);
    expect(t.fake.rooms.has('room')).toBe(false);
    warn.mockRestore();
  });

  // The stop waits for presence calls in flight before it lets go. A session started meanwhile (a remount) must not
  // get the Room being let go, or the old entry's release pulls it from under the new one: it waits for the let-go,
  // then gets a room of its own.
  async function letGoWithEnterInFlight() {
    vi.useFakeTimers();
    const t = setup();
    t.entry.retain();
    await vi.runAllTimersAsync();
    const old = t.room();
    let finishEnter!: () => void;
    old.presenceCall = () =>
      new Promise<void>((resolve) => {
        finishEnter = resolve;
      });
    const entering = t.entry.presence.addHolder(Symbol('holder'), undefined, true).catch(() => {});
    await vi.runAllTimersAsync();
    t.entry.release();
    await vi.runAllTimersAsync(); // stopped; the let-go waits for the enter in flight
    expect(t.stopped).toEqual([t.entry]);
    expect(t.fake.log).toEqual(['get room']);
    const finish = async () => {
      finishEnter();
      await entering;
    };
    return { t, old, finish };
  }

  it('a new entry retained while the old one still lets go waits, then gets a room of its own', async () => {
    const { t, old, finish } = await letGoWithEnterInFlight();
    const next = new RoomEntry(
      'room',
      undefined,
      t.fake.client,
      t.ledger,
      createManualFrameScheduler().schedule,
      () => {},
    );
    next.retain();
    await vi.runAllTimersAsync();
    expect(t.fake.log).toEqual(['get room']); // still waiting for the old let-go
    expect(statusOf(next).status).toBe('initialized');
    await finish();
    await vi.runAllTimersAsync();
    expect(t.fake.log).toEqual(['get room', 'release room', 'get room']);
    expect(old.room.status).toBe('released');
    expect(t.room()).not.toBe(old);
    expect(statusOf(next).status).toBe('attached');
    expect(await next.whenAttached()).toBe(t.room().room);
  });

  it('the same entry retained again while it still lets go waits too', async () => {
    const { t, old, finish } = await letGoWithEnterInFlight();
    t.entry.retain();
    await vi.runAllTimersAsync();
    expect(t.fake.log).toEqual(['get room']);
    await finish();
    await vi.runAllTimersAsync();
    expect(t.fake.log).toEqual(['get room', 'release room', 'get room']);
    expect(t.room()).not.toBe(old);
    expect(statusOf(t.entry).status).toBe('attached');
  });

  it('a room that arrives after the stop is neither bound nor attached, and a late failure is not reported', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.fake.holdGets = true;
    let made: FakeRoom | undefined;
    t.fake.onRoom = (room) => {
      made = room;
    };
    t.entry.retain();
    t.entry.release();
    await vi.runAllTimersAsync();
    expect(statusOf(t.entry).status).toBe('released');
    t.fake.pendingGets.shift()!.resolve();
    await vi.runAllTimersAsync();
    expect(made!.attaches).toBe(0);
    expect(made!.listenerCounts().presence).toBe(0);
    expect(t.fake.log).toEqual(['get room', 'release room']);
    expect(statusOf(t.entry).status).toBe('released');

    t.entry.retain();
    t.entry.release();
    await vi.runAllTimersAsync();
    t.fake.pendingGets.shift()!.reject(new Ably.ErrorInfo('late', 80000, 400));
    await vi.runAllTimersAsync();
    expect(t.errors).toEqual([]);
    expect(statusOf(t.entry).status).toBe('released');
  });

  it('an attach that fails after the stop is not reported', async () => {
    vi.useFakeTimers();
    const t = setup();
    let failAttach!: (error: unknown) => void;
    t.fake.onRoom = (room) => {
      room.attach = () => new Promise((_, reject) => (failAttach = reject));
    };
    t.entry.retain();
    await settle();
    t.entry.release();
    await vi.runAllTimersAsync();
    failAttach(new Ably.ErrorInfo('late', 80000, 400));
    await vi.runAllTimersAsync();
    expect(t.errors).toEqual([]);
  });
});

describe('RoomEntry: occupancy polling', () => {
  const occupancyOf = (connections: number) => ({ status: { occupancy: { metrics: { connections } } } });

  it('options without an occupancy section mean occupancy events are off', () => {
    expect(setup({ presence: { enableEvents: true } }).entry.occupancyEvents).toBe(false);
    expect(setup().entry.occupancyEvents).toBe(false);
    expect(setup({ occupancy: {} }).entry.occupancyEvents).toBe(false);
    expect(setup({ occupancy: { enableEvents: true } }).entry.occupancyEvents).toBe(true);
  });

  it('one poller letting go leaves the others polling', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.entry.retain();
    await vi.advanceTimersByTimeAsync(0);
    let polls = 0;
    t.room().channelStatus = () => Promise.resolve(occupancyOf(++polls));
    const stopFirst = t.entry.pollOccupancy(1_000);
    const stopSecond = t.entry.pollOccupancy(1_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(polls).toBe(1);
    stopFirst();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(polls).toBe(2);
    stopSecond();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(polls).toBe(2);
  });

  it('a poller that starts before the room is got polls once the room is attached, without an error', async () => {
    vi.useFakeTimers();
    const t = setup();
    let polls = 0;
    t.fake.onRoom = (room) => {
      room.channelStatus = () => Promise.resolve(occupancyOf(++polls));
    };
    const stop = t.entry.pollOccupancy(1_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(polls).toBe(0);
    t.entry.retain();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(polls).toBeGreaterThan(0);
    expect(t.errors).toEqual([]);
    stop();
  });

  it('with occupancy events on it does not poll', async () => {
    const t = setup({ occupancy: { enableEvents: true } });
    let polls = 0;
    t.entry.retain();
    await settle();
    t.room().channelStatus = () => {
      polls++;
      return Promise.resolve(occupancyOf(1));
    };
    t.entry.pollOccupancy(1_000)();
    await settle();
    expect(polls).toBe(0);
  });

  it('polls at once while attached, then at the shortest interval asked for (at least 1 s), until released', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.entry.retain();
    await vi.advanceTimersByTimeAsync(0);
    let polls = 0;
    t.room().channelStatus = () => Promise.resolve(occupancyOf(++polls));
    const stopSlow = t.entry.pollOccupancy();
    await vi.advanceTimersByTimeAsync(0);
    expect(polls).toBe(1);
    t.frames.flush();
    expect(t.entry.store.getSnapshot().occupancy.connections).toBe(1);
    const stopFast = t.entry.pollOccupancy(10); // clamped to 1 s
    await vi.advanceTimersByTimeAsync(999);
    expect(polls).toBe(1); // the first poller's timer was set before the faster one joined
    await vi.advanceTimersByTimeAsync(OCCUPANCY_POLL_INTERVAL_MS);
    expect(polls).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(polls).toBe(3);
    stopFast();
    stopSlow();
    await vi.advanceTimersByTimeAsync(OCCUPANCY_POLL_INTERVAL_MS * 2);
    expect(polls).toBe(3);
  });

  it('polls again at once on re-attach, and reports a failed poll as an occupancy error', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.entry.retain();
    await vi.advanceTimersByTimeAsync(0);
    let polls = 0;
    t.room().channelStatus = () => {
      polls++;
      return polls === 2 ? Promise.reject(new Ably.ErrorInfo('denied', 40160, 401)) : Promise.resolve(occupancyOf(1));
    };
    const stop = t.entry.pollOccupancy(5_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(polls).toBe(1);
    t.room().setStatus('detached');
    t.room().setStatus('attached');
    await vi.advanceTimersByTimeAsync(0);
    expect(polls).toBe(2);
    expect(t.errors).toEqual(['room:occupancy:40160']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(polls).toBe(3);
    stop();
  });

  it('does not poll while not attached, and keeps its timer', async () => {
    vi.useFakeTimers();
    const t = setup();
    let polls = 0;
    t.entry.retain();
    await vi.advanceTimersByTimeAsync(0);
    t.room().channelStatus = () => Promise.resolve(occupancyOf(++polls));
    t.room().setStatus('detached');
    const stop = t.entry.pollOccupancy(1_000);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(polls).toBe(0);
    t.room().attach = () => Promise.resolve();
    t.room().setStatus('attached');
    await vi.advanceTimersByTimeAsync(0);
    expect(polls).toBe(1);
    stop();
  });
});

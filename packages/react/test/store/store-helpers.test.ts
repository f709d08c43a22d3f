// @vitest-environment node
import * as Ably from 'ably';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceKitError, PresenceKitErrorCode, toErrorInfo } from '../../src/errors.js';
import { fetchChannelOccupancy } from '../../src/store/channel-status.js';
import { EMPTY_OCCUPANCY } from '../../src/store/empty-snapshots.js';
import {
  animationFrameScheduler,
  createManualFrameScheduler,
  FALLBACK_FRAME_MS,
} from '../../src/store/frame-scheduler.js';
import { jsonEqual } from '../../src/store/json-equal.js';
import { parseOccupancyMetrics, sameOccupancy } from '../../src/store/occupancy-metrics.js';
import { PRESENCE_MESSAGE_LIMIT_BYTES, presenceDataError } from '../../src/store/presence-data.js';
import { shallow } from '../../src/store/shallow.js';
import { ValueStore } from '../../src/store/value-store.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('jsonEqual', () => {
  it('compares JSON values by content, ignoring key order and undefined keys', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, gone: undefined })).toBe(true);
    expect(jsonEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(jsonEqual(null, null)).toBe(true);
  });

  it('tells different values apart', () => {
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1, c: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual({ 0: 1 }, [1])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual({}, null)).toBe(false);
    expect(jsonEqual(1, '1')).toBe(false);
    expect(jsonEqual('a', { a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, 'a')).toBe(false);
    expect(jsonEqual(undefined, {})).toBe(false);
  });

  it('an array with a trailing undefined is not the shorter array', () => {
    expect(jsonEqual([1, undefined], [1])).toBe(false);
  });

  it('compares dates by time, and a date never equals a plain object', () => {
    expect(jsonEqual(new Date(5), new Date(5))).toBe(true);
    expect(jsonEqual(new Date(5), new Date(6))).toBe(false);
    expect(jsonEqual(new Date(5), {})).toBe(false);
    expect(jsonEqual({}, new Date(5))).toBe(false);
  });

  it('does not treat inherited keys as own keys', () => {
    const inherited = Object.create({ a: 1 }) as Record<string, unknown>;
    inherited.b = 2;
    expect(jsonEqual({ b: 2, x: undefined }, inherited)).toBe(true);
    expect(jsonEqual({ a: 1 }, Object.assign(Object.create({ a: 1 }), { z: 0 }))).toBe(false);
  });
});

describe('shallow', () => {
  it('arrays: equal when same length and Object.is-equal entries', () => {
    const x = { n: 1 };
    expect(shallow([x, 1], [x, 1])).toBe(true);
    expect(shallow([x], [{ n: 1 }])).toBe(false);
    expect(shallow([1], [1, 2])).toBe(false);
    expect(shallow([1, 2], [1, 3])).toBe(false);
  });

  it('objects: equal when the same own keys hold Object.is-equal values', () => {
    expect(shallow({ a: 1, b: 'x' }, { b: 'x', a: 1 })).toBe(true);
    expect(shallow({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(shallow({ a: 1, c: undefined }, { a: 1, b: undefined } as never)).toBe(false);
    expect(shallow({ a: {} }, { a: {} })).toBe(false);
  });

  it('maps and sets compare entries', () => {
    expect(shallow(new Map([['a', 1]]), new Map([['a', 1]]))).toBe(true);
    expect(shallow(new Map([['a', 1]]), new Map([['a', 2]]))).toBe(false);
    expect(shallow(new Map([['a', 1]]), new Map([['b', 1]]))).toBe(false);
    expect(shallow(new Map([['a', 1]]), new Map())).toBe(false);
    expect(shallow(new Map(), new Map([['a', 1]]))).toBe(false);
    expect(shallow(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(shallow(new Set([1, 2]), new Set([1, 3]))).toBe(false);
    expect(shallow(new Set([1]), new Set([1, 2]))).toBe(false);
  });

  it('primitives, null and different kinds of containers', () => {
    expect(shallow(1, 1)).toBe(true);
    expect(shallow(Number.NaN, Number.NaN)).toBe(true);
    expect(shallow<unknown>(1, '1')).toBe(false);
    expect(shallow<unknown>(null, {})).toBe(false);
    expect(shallow<unknown>({}, null)).toBe(false);
    expect(shallow<unknown>(1, {})).toBe(false);
    expect(shallow<unknown>({}, 1)).toBe(false);
    expect(shallow<unknown>([], {})).toBe(false);
    expect(shallow<unknown>(new Map(), new Set())).toBe(false);
    expect(shallow<unknown>(new Map(), {})).toBe(false);
  });
});

describe('occupancy metrics', () => {
  it('reads all eight metrics from message data or a JSON string', () => {
    const full = {
      connections: 1,
      publishers: 2,
      subscribers: 3,
      presenceConnections: 4,
      presenceMembers: 5,
      presenceSubscribers: 6,
      objectPublishers: 7,
      objectSubscribers: 8,
    };
    expect(parseOccupancyMetrics({ metrics: full })).toEqual(full);
    expect(parseOccupancyMetrics(JSON.stringify({ metrics: full }))).toEqual(full);
    expect(Object.isFrozen(parseOccupancyMetrics({ metrics: full }))).toBe(true);
  });

  it('counts missing, negative, fractional or non-number values as 0', () => {
    expect(
      parseOccupancyMetrics({ metrics: { connections: -1, publishers: 1.5, subscribers: '3', presenceMembers: 0 } }),
    ).toEqual(EMPTY_OCCUPANCY);
  });

  it('returns null when there are no metrics at all', () => {
    expect(parseOccupancyMetrics('{not json')).toBeNull();
    expect(parseOccupancyMetrics(undefined)).toBeNull();
    expect(parseOccupancyMetrics(null)).toBeNull();
    expect(parseOccupancyMetrics({})).toBeNull();
    expect(parseOccupancyMetrics({ metrics: null })).toBeNull();
    expect(parseOccupancyMetrics({ metrics: 5 })).toBeNull();
  });

  it('sameOccupancy compares every metric', () => {
    for (const name of Object.keys(EMPTY_OCCUPANCY)) {
      expect(sameOccupancy(EMPTY_OCCUPANCY, { ...EMPTY_OCCUPANCY, [name]: 1 })).toBe(false);
    }
    expect(sameOccupancy(EMPTY_OCCUPANCY, { ...EMPTY_OCCUPANCY })).toBe(true);
  });

  it('fetchChannelOccupancy reads the channel status', async () => {
    const channel = { status: () => Promise.resolve({ status: { occupancy: { metrics: { connections: 2 } } } }) };
    expect(await fetchChannelOccupancy(channel as never)).toMatchObject({ connections: 2 });
    const none = { status: () => Promise.resolve({}) };
    expect(await fetchChannelOccupancy(none as never)).toBeNull();
  });
});

describe('presenceDataError', () => {
  it('accepts undefined and plain JSON objects', () => {
    expect(presenceDataError('here', undefined)).toBeUndefined();
    expect(presenceDataError('here', { a: [1, 'x', null, { b: true }] })).toBeUndefined();
  });

  it.each([
    ['a string', 'hi', 'got string'],
    ['a number', 5, 'got number'],
    ['null', null, 'got null'],
    ['an array', [1], 'got an array'],
    ['a function inside', { f: () => {} }, 'holds a function'],
    ['a bigint inside', { n: 1n }, 'holds a bigint'],
    ['a symbol inside', { s: Symbol('x') }, 'holds a symbol'],
  ])('rejects %s with a typed error that says what to do', (_name, data, problem) => {
    const error = presenceDataError('usePresence', data);
    expect(error).toBeInstanceOf(PresenceKitError);
    expect(error!.code).toBe(PresenceKitErrorCode.InvalidPresenceData);
    expect(error!.message).toMatch(/^usePresence: presence data must be a plain JSON object/);
    expect(error!.message).toContain(problem);
  });

  it('names a cycle as a cycle', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(presenceDataError('enter', cyclic)!.message).toContain('it refers to itself (a cycle)');
  });

  it('refuses data over the 64 KiB message limit, counting UTF-8 bytes and the clientId', () => {
    const frame = '{"s":""}'.length;
    const fits = { s: 'x'.repeat(PRESENCE_MESSAGE_LIMIT_BYTES - frame - 3) };
    expect(presenceDataError('enter', fits, 'bob')).toBeUndefined();
    const over = presenceDataError('enter', fits, 'bobby');
    expect(over).toBeInstanceOf(PresenceKitError);
    expect(over!.code).toBe(PresenceKitErrorCode.PresenceDataTooLarge);
    expect(over!.statusCode).toBe(400);
    expect(over!.message).toBe(
      `enter: presence data is ${PRESENCE_MESSAGE_LIMIT_BYTES + 2} bytes with the clientId, over Ably's ${PRESENCE_MESSAGE_LIMIT_BYTES}-byte message limit. Keep large content elsewhere and put only an id or URL in presence data.`,
    );
    // "é" is two bytes in UTF-8: half as many fit.
    const wide = { s: 'é'.repeat((PRESENCE_MESSAGE_LIMIT_BYTES - frame) / 2) };
    expect(presenceDataError('enter', wide)).toBeUndefined();
    expect(presenceDataError('enter', wide, 'a')?.code).toBe(PresenceKitErrorCode.PresenceDataTooLarge);
    expect(presenceDataError('enter', { s: 'x'.repeat(PRESENCE_MESSAGE_LIMIT_BYTES - frame) })).toBeUndefined();
  });

  it('wrapping advice for non-objects', () => {
    expect(presenceDataError('enter', 'x')!.message).toContain('wrap it, e.g. { value: … }');
  });
});

describe('errors', () => {
  it('toErrorInfo keeps ErrorInfo, wraps errors with their message and stack, and anything else as text', () => {
    const info = new Ably.ErrorInfo('sdk', 40160, 401);
    expect(toErrorInfo(info)).toBe(info);
    const error = new Error('plain');
    const wrapped = toErrorInfo(error);
    expect(wrapped).toMatchObject({ message: 'plain', code: 50000, statusCode: 500 });
    expect(wrapped.stack).toBe(error.stack);
    expect(toErrorInfo('text')).toMatchObject({ message: 'text', code: 50000 });
  });
});

describe('ValueStore', () => {
  it('notifies on change only, and not after unsubscribe', () => {
    const store = new ValueStore(1);
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.set(1);
    expect(calls).toBe(0);
    store.set(2);
    expect(store.getSnapshot()).toBe(2);
    expect(calls).toBe(1);
    off();
    store.set(3);
    expect(calls).toBe(1);
  });
});

describe('frame schedulers', () => {
  it('the manual scheduler runs queued flushes once, and a cancelled one never', () => {
    const frames = createManualFrameScheduler();
    const ran: string[] = [];
    frames.schedule(() => ran.push('a'));
    const cancel = frames.schedule(() => ran.push('b'));
    expect(frames.pending).toBe(2);
    cancel();
    expect(frames.pending).toBe(1);
    expect(frames.flush()).toBe(1);
    expect(frames.flush()).toBe(0);
    expect(ran).toEqual(['a']);
  });

  it('without requestAnimationFrame it flushes after one fallback frame', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', undefined);
    let runs = 0;
    animationFrameScheduler(() => runs++);
    vi.advanceTimersByTime(FALLBACK_FRAME_MS - 1);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(runs).toBe(1);
  });

  it('with requestAnimationFrame the frame flushes once and the backstop timer is cancelled', () => {
    vi.useFakeTimers();
    const frames: Array<() => void> = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => cancelled.push(id));
    let runs = 0;
    animationFrameScheduler(() => runs++);
    vi.advanceTimersByTime(100);
    expect(runs).toBe(0); // the backstop is longer than a frame
    frames[0]!();
    expect(runs).toBe(1);
    expect(cancelled).toEqual([1]);
    vi.advanceTimersByTime(1_000);
    frames[0]!();
    expect(runs).toBe(1);
  });

  it('a hidden tab (no frames) still flushes through the backstop timer', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 7);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    let runs = 0;
    animationFrameScheduler(() => runs++);
    vi.advanceTimersByTime(249);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
  });

  it('cancelling stops both the frame and the timer', () => {
    vi.useFakeTimers();
    const frames: Array<() => void> = [];
    let cancelledFrame = 0;
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
    vi.stubGlobal('cancelAnimationFrame', () => cancelledFrame++);
    let runs = 0;
    const cancel = animationFrameScheduler(() => runs++);
    cancel();
    expect(cancelledFrame).toBe(1);
    frames[0]!();
    vi.advanceTimersByTime(1_000);
    expect(runs).toBe(0);
  });
});

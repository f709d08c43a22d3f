// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWarnings } from '../../src/internal/dev-warning.js';
import { RoomRegistry, registryFor } from '../../src/provider/room-registry.js';
import { createManualFrameScheduler } from '../../src/store/frame-scheduler.js';
import { createFakeClient } from './support/fake-client.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function warnings() {
  resetWarnings();
  return vi.spyOn(console, 'warn').mockImplementation(() => {});
}

describe('RoomRegistry', () => {
  it('one entry per room name, made without touching the network', () => {
    const fake = createFakeClient();
    const registry = new RoomRegistry(fake.client, createManualFrameScheduler().schedule);
    const a = registry.entry('a');
    expect(registry.entry('a')).toBe(a);
    expect(registry.entry('b')).not.toBe(a);
    expect(a.name).toBe('a');
    expect(fake.log).toEqual([]);
  });

  it('keeps a frozen copy of the first options; the same options again do not warn', () => {
    const warn = warnings();
    const registry = new RoomRegistry(createFakeClient().client, createManualFrameScheduler().schedule);
    const options = { occupancy: { enableEvents: true } };
    const entry = registry.entry('a', options);
    expect(entry.options).toEqual(options);
    expect(entry.options).not.toBe(options);
    expect(Object.isFrozen(entry.options)).toBe(true);
    options.occupancy.enableEvents = false; // the caller's later mutation changes nothing
    expect(entry.options?.occupancy?.enableEvents).toBe(true);
    registry.entry('a', { occupancy: { enableEvents: true } });
    registry.entry('a'); // no options: no opinion
    expect(warn).not.toHaveBeenCalled();
    expect(registry.entry('none').options).toBeUndefined();
  });

  it('different options for one name warn once, naming both, and the first win', () => {
    const warn = warnings();
    const registry = new RoomRegistry(createFakeClient().client, createManualFrameScheduler().schedule);
    const entry = registry.entry('a', { occupancy: { enableEvents: true } });
    expect(registry.entry('a', { occupancy: { enableEvents: false } })).toBe(entry);
    registry.entry('a', { occupancy: { enableEvents: false } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toBe(
      '[presence-kit] Room "a" was given different options in two places; the first ({"occupancy":{"enableEvents":true}}) is used and {"occupancy":{"enableEvents":false}} is ignored. Give every <PresenceRoom name="a"> the same options.',
    );
  });

  it('each room warns about its own conflict; production builds never warn', () => {
    const warn = warnings();
    const registry = new RoomRegistry(createFakeClient().client, createManualFrameScheduler().schedule);
    for (const name of ['a', 'b']) {
      registry.entry(name, { occupancy: { enableEvents: true } });
      registry.entry(name, { occupancy: { enableEvents: false } });
    }
    expect(warn).toHaveBeenCalledTimes(2);
    resetWarnings();
    warn.mockClear();
    vi.stubEnv('NODE_ENV', 'production');
    try {
      registry.entry('a', { occupancy: { enableEvents: false } });
      registryFor(createFakeClient().client, createManualFrameScheduler().schedule);
      const client = createFakeClient().client;
      registryFor(client, createManualFrameScheduler().schedule);
      registryFor(client, createManualFrameScheduler().schedule);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it('forgets a stopped entry, and adopt() brings it back for a component that still holds it', async () => {
    vi.useFakeTimers();
    const registry = new RoomRegistry(createFakeClient().client, createManualFrameScheduler().schedule);
    const entry = registry.entry('a');
    entry.retain();
    entry.release();
    await vi.runAllTimersAsync();
    const fresh = registry.entry('a');
    expect(fresh).not.toBe(entry);
    // The old entry stopping again must not evict the new one.
    registry.adopt(entry);
    expect(registry.entry('a')).toBe(fresh);
    fresh.retain();
    fresh.release();
    await vi.runAllTimersAsync();
    registry.adopt(entry);
    expect(registry.entry('a')).toBe(entry);
  });

  it('a stale entry stopping does not evict the current one', async () => {
    vi.useFakeTimers();
    const registry = new RoomRegistry(createFakeClient().client, createManualFrameScheduler().schedule);
    const old = registry.entry('a');
    old.retain();
    old.release();
    await vi.runAllTimersAsync();
    const current = registry.entry('a');
    old.retain(); // a component still holding the old entry retains it again without adopting
    old.release();
    await vi.runAllTimersAsync();
    expect(registry.entry('a')).toBe(current);
  });
});

describe('registryFor', () => {
  it('one registry per client; a second scheduler warns once and the first is kept', () => {
    const warn = warnings();
    const client = createFakeClient().client;
    const first = createManualFrameScheduler().schedule;
    const registry = registryFor(client, first);
    expect(registryFor(client, first)).toBe(registry);
    expect(warn).not.toHaveBeenCalled();
    expect(registryFor(client, createManualFrameScheduler().schedule)).toBe(registry);
    expect(registry.scheduler).toBe(first);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/share one ChatClient but pass different schedulers/);
    expect(registryFor(createFakeClient().client, first)).not.toBe(registry);
  });
});

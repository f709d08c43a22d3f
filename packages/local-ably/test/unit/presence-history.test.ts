import { describe, expect, it } from 'vitest';
import { PresenceHistory, type PresenceHistoryQuery } from '../../src/presence/presence-history.js';
import type { WirePresenceMessage } from '../../src/protocol/types.js';

/** A presence event whose id names it and whose timestamp is `timestamp`. */
const event = (id: string, timestamp?: number): WirePresenceMessage => ({
  id,
  action: 2,
  clientId: 'a',
  connectionId: 'c',
  ...(timestamp === undefined ? {} : { timestamp }),
});

const ids = (page: { items: WirePresenceMessage[] }) => page.items.map((item) => item.id);
const query = (extra: Partial<PresenceHistoryQuery> = {}): PresenceHistoryQuery => ({
  direction: 'backwards',
  limit: 100,
  ...extra,
});

describe('PresenceHistory: what it keeps', () => {
  it('is enabled only when both limits are positive, and keeps nothing when disabled', () => {
    expect(new PresenceHistory({ eventsPerChannel: 1, channels: 1 }).enabled).toBe(true);
    for (const limits of [
      { eventsPerChannel: 0, channels: 5 },
      { eventsPerChannel: 5, channels: 0 },
    ]) {
      const history = new PresenceHistory(limits);
      expect(history.enabled).toBe(false);
      history.record('ch', [event('e1')]);
      expect(history.size('ch')).toBe(0);
      expect(history.channelCount).toBe(0);
    }
  });

  it('records nothing, not even the channel, for an empty batch', () => {
    const history = new PresenceHistory({ eventsPerChannel: 5, channels: 5 });
    history.record('ch', []);
    expect(history.channelCount).toBe(0);
  });

  it('keeps the newest eventsPerChannel events of a channel', () => {
    const history = new PresenceHistory({ eventsPerChannel: 3, channels: 5 });
    history.record('ch', [event('e1'), event('e2')]);
    history.record('ch', [event('e3'), event('e4')]);
    expect(history.size('ch')).toBe(3);
    expect(ids(history.query('ch', query({ direction: 'forwards' })))).toEqual(['e2', 'e3', 'e4']);
    history.record('ch', [event('e5')]);
    expect(ids(history.query('ch', query({ direction: 'forwards' })))).toEqual(['e3', 'e4', 'e5']);
  });

  it('keeps `channels` channels, evicting the one written to least recently', () => {
    const history = new PresenceHistory({ eventsPerChannel: 5, channels: 2 });
    history.record('a', [event('a1')]);
    history.record('b', [event('b1')]);
    history.record('a', [event('a2')]); // a is now the most recent
    history.record('c', [event('c1')]);
    expect(history.channelCount).toBe(2);
    expect(history.size('b')).toBe(0);
    expect(history.size('a')).toBe(2);
    expect(history.size('c')).toBe(1);
  });

  it('clear() forgets everything', () => {
    const history = new PresenceHistory({ eventsPerChannel: 5, channels: 2 });
    history.record('a', [event('a1')]);
    history.clear();
    expect(history.channelCount).toBe(0);
    expect(history.query('a', query()).items).toEqual([]);
  });
});

describe('PresenceHistory: queries', () => {
  function filled() {
    const history = new PresenceHistory({ eventsPerChannel: 100, channels: 5 });
    history.record('ch', [event('e1', 10), event('e2', 20), event('e3', 30), event('e4', 40), event('e5', 50)]);
    history.record('other', [event('x1', 25)]);
    return history;
  }

  it('an unknown channel has an empty page and no next', () => {
    expect(filled().query('nope', query())).toEqual({ items: [], next: undefined });
  });

  it('returns newest first backwards, oldest first forwards, with no next when all fit', () => {
    const history = filled();
    expect(history.query('ch', query())).toEqual({
      items: ['e5', 'e4', 'e3', 'e2', 'e1'].map((id, index) => event(id, 50 - 10 * index)),
      next: undefined,
    });
    expect(ids(history.query('ch', query({ direction: 'forwards' })))).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('pages by limit: a page of exactly the limit when more remain, then the rest from the cursor', () => {
    const history = filled();
    const first = history.query('ch', query({ limit: 2 }));
    expect(ids(first)).toEqual(['e5', 'e4']);
    expect(first.next).toBeDefined();
    const second = history.query('ch', query({ limit: 2, cursor: first.next }));
    expect(ids(second)).toEqual(['e3', 'e2']);
    const third = history.query('ch', query({ limit: 2, cursor: second.next }));
    expect(third).toEqual({ items: [event('e1', 10)], next: undefined });

    const forwards = history.query('ch', query({ direction: 'forwards', limit: 3 }));
    expect(ids(forwards)).toEqual(['e1', 'e2', 'e3']);
    const rest = history.query('ch', query({ direction: 'forwards', limit: 3, cursor: forwards.next }));
    expect(rest).toEqual({ items: [event('e4', 40), event('e5', 50)], next: undefined });
  });

  it('a page that ends exactly at the last event has no next', () => {
    expect(filled().query('ch', query({ limit: 5 })).next).toBeUndefined();
  });

  it('keeps only events within start and end, both inclusive', () => {
    const history = filled();
    expect(ids(history.query('ch', query({ start: 20, end: 40 })))).toEqual(['e4', 'e3', 'e2']);
    expect(ids(history.query('ch', query({ direction: 'forwards', start: 20, end: 40 })))).toEqual(['e2', 'e3', 'e4']);
    expect(ids(history.query('ch', query({ start: 45 })))).toEqual(['e5']);
    expect(ids(history.query('ch', query({ end: 15 })))).toEqual(['e1']);
  });

  it('events outside the window neither fill the page nor set next', () => {
    const history = filled();
    const page = history.query('ch', query({ start: 30, limit: 3 }));
    expect(page).toEqual({ items: [event('e5', 50), event('e4', 40), event('e3', 30)], next: undefined });
    const forwards = history.query('ch', query({ direction: 'forwards', end: 30, limit: 3 }));
    expect(forwards).toEqual({ items: [event('e1', 10), event('e2', 20), event('e3', 30)], next: undefined });
  });

  it('an event without a timestamp counts as time 0', () => {
    const history = new PresenceHistory({ eventsPerChannel: 5, channels: 5 });
    history.record('ch', [event('untimed'), event('timed', 5)]);
    expect(ids(history.query('ch', query({ start: 1 })))).toEqual(['timed']);
    expect(ids(history.query('ch', query({ end: 0 })))).toEqual(['untimed']);
  });

  it('a cursor stays valid while events are added and old ones dropped', () => {
    const history = new PresenceHistory({ eventsPerChannel: 4, channels: 5 });
    history.record('ch', [event('e1', 1), event('e2', 2), event('e3', 3), event('e4', 4)]);
    const first = history.query('ch', query({ direction: 'forwards', limit: 2 }));
    expect(ids(first)).toEqual(['e1', 'e2']);
    history.record('ch', [event('e5', 5)]); // drops e1
    expect(ids(history.query('ch', query({ direction: 'forwards', limit: 10, cursor: first.next })))).toEqual([
      'e3',
      'e4',
      'e5',
    ]);
    const back = history.query('ch', query({ limit: 2 }));
    expect(ids(back)).toEqual(['e5', 'e4']);
    history.record('ch', [event('e6', 6)]); // drops e2: the page after the cursor holds what is left
    expect(ids(history.query('ch', query({ limit: 10, cursor: back.next })))).toEqual(['e3']);
  });
});

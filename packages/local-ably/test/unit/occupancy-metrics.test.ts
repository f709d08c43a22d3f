import { describe, expect, it } from 'vitest';
import {
  computeMetrics,
  METRIC_NAMES,
  type OccupancyMetrics,
  parseOccupancyParam,
  sameMetrics,
  selectMetrics,
} from '../../src/occupancy/metrics.js';
import { Mode } from '../../src/protocol/actions.js';

const ZERO: OccupancyMetrics = {
  connections: 0,
  publishers: 0,
  subscribers: 0,
  presenceConnections: 0,
  presenceMembers: 0,
  presenceSubscribers: 0,
  objectPublishers: 0,
  objectSubscribers: 0,
};

describe('computeMetrics', () => {
  it('counts nothing but the presence members for no attachments', () => {
    expect(computeMetrics([], 3)).toEqual({ ...ZERO, presenceMembers: 3 });
  });

  it('counts every attachment as a connection, and each granted mode in its own metric', () => {
    expect(computeMetrics([0], 0)).toEqual({ ...ZERO, connections: 1 });
    const single: Array<[number, keyof OccupancyMetrics]> = [
      [Mode.PUBLISH, 'publishers'],
      [Mode.SUBSCRIBE, 'subscribers'],
      [Mode.PRESENCE, 'presenceConnections'],
      [Mode.PRESENCE_SUBSCRIBE, 'presenceSubscribers'],
      [Mode.OBJECT_PUBLISH, 'objectPublishers'],
      [Mode.OBJECT_SUBSCRIBE, 'objectSubscribers'],
    ];
    for (const [mode, metric] of single) {
      expect(computeMetrics([mode, mode], 0), metric).toEqual({ ...ZERO, connections: 2, [metric]: 2 });
    }
  });

  it('adds up mixed attachments', () => {
    const all = allModes();
    expect(computeMetrics([all, Mode.PRESENCE | Mode.SUBSCRIBE, Mode.PUBLISH], 4)).toEqual({
      connections: 3,
      publishers: 2,
      subscribers: 2,
      presenceConnections: 2,
      presenceMembers: 4,
      presenceSubscribers: 1,
      objectPublishers: 1,
      objectSubscribers: 1,
    });
  });
});

function allModes(): number {
  return (
    Mode.PUBLISH |
    Mode.SUBSCRIBE |
    Mode.PRESENCE |
    Mode.PRESENCE_SUBSCRIBE |
    Mode.OBJECT_PUBLISH |
    Mode.OBJECT_SUBSCRIBE
  );
}

describe('sameMetrics', () => {
  it('nothing sent yet is never the same', () => {
    expect(sameMetrics(undefined, ZERO)).toBe(false);
    expect(sameMetrics(undefined, ZERO, 'connections')).toBe(false);
  });

  it('compares all eight metrics by default, and only the selected one otherwise', () => {
    expect(sameMetrics({ ...ZERO }, ZERO)).toBe(true);
    expect(sameMetrics({ ...ZERO }, ZERO, 'all')).toBe(true);
    for (const name of METRIC_NAMES) {
      const changed = { ...ZERO, [name]: 1 };
      expect(sameMetrics(ZERO, changed), name).toBe(false);
      expect(sameMetrics(ZERO, changed, name), name).toBe(false);
      const other = METRIC_NAMES.find((candidate) => candidate !== name)!;
      expect(sameMetrics(ZERO, changed, other), `${name} under ${other}`).toBe(true);
    }
  });
});

describe('parseOccupancyParam', () => {
  it('`metrics` selects all, `metrics.<name>` one known metric, anything else nothing', () => {
    expect(parseOccupancyParam('metrics')).toBe('all');
    for (const name of METRIC_NAMES) expect(parseOccupancyParam(`metrics.${name}`)).toBe(name);
    for (const value of [
      undefined,
      '',
      'metrics.',
      'metrics.bogus',
      'connections',
      'xmetrics.connections',
      'metrics:connections',
    ]) {
      expect(parseOccupancyParam(value), String(value)).toBeUndefined();
    }
  });

  it('lists the eight metric names Ably reports', () => {
    expect(METRIC_NAMES).toEqual(Object.keys(ZERO));
  });
});

describe('selectMetrics', () => {
  it('copies all metrics, or picks the one selected', () => {
    const metrics = { ...ZERO, connections: 2, presenceMembers: 1 };
    const all = selectMetrics(metrics, 'all');
    expect(all).toEqual(metrics);
    expect(all).not.toBe(metrics);
    expect(selectMetrics(metrics, 'presenceMembers')).toStrictEqual({ presenceMembers: 1 });
  });
});

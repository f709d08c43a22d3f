import { EMPTY_OCCUPANCY } from './empty-snapshots.js';
import type { OccupancyMetrics } from './types.js';

const METRIC_NAMES = Object.keys(EMPTY_OCCUPANCY) as Array<keyof OccupancyMetrics>;

/**
 * Reads all eight metrics from a `[meta]occupancy` message's data or a channel status's `occupancy`
 * (`{ metrics: {...} }`, possibly a JSON string). Missing or non-integer values count as 0, as `@ably/chat` does;
 * returns `null` when there are no metrics at all.
 */
export function parseOccupancyMetrics(data: unknown): OccupancyMetrics | null {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const metrics = (value as { metrics?: unknown } | null | undefined)?.metrics;
  if (typeof metrics !== 'object' || metrics === null) return null;
  const result = {} as Record<keyof OccupancyMetrics, number>;
  for (const name of METRIC_NAMES) {
    const metric = (metrics as Record<string, unknown>)[name];
    result[name] = typeof metric === 'number' && Number.isInteger(metric) && metric >= 0 ? metric : 0;
  }
  return Object.freeze(result);
}

/** `true` when all eight metrics are equal. */
export function sameOccupancy(a: OccupancyMetrics, b: OccupancyMetrics): boolean {
  return METRIC_NAMES.every((name) => a[name] === b[name]);
}

import { hasMode, Mode } from '../protocol/actions.js';

/** All eight occupancy metrics Ably reports for a channel. */
export interface OccupancyMetrics {
  connections: number;
  publishers: number;
  subscribers: number;
  presenceConnections: number;
  presenceMembers: number;
  presenceSubscribers: number;
  objectPublishers: number;
  objectSubscribers: number;
}

export const METRIC_NAMES = [
  'connections',
  'publishers',
  'subscribers',
  'presenceConnections',
  'presenceMembers',
  'presenceSubscribers',
  'objectPublishers',
  'objectSubscribers',
] as const satisfies ReadonlyArray<keyof OccupancyMetrics>;

export type MetricName = (typeof METRIC_NAMES)[number];

/** Counts metrics from the granted modes of the channel's attachments and the size of its presence set. */
export function computeMetrics(attachmentModes: Iterable<number>, presenceMembers: number): OccupancyMetrics {
  const metrics: OccupancyMetrics = {
    connections: 0,
    publishers: 0,
    subscribers: 0,
    presenceConnections: 0,
    presenceMembers,
    presenceSubscribers: 0,
    objectPublishers: 0,
    objectSubscribers: 0,
  };
  for (const modes of attachmentModes) {
    metrics.connections++;
    if (hasMode(modes, Mode.PUBLISH)) metrics.publishers++;
    if (hasMode(modes, Mode.SUBSCRIBE)) metrics.subscribers++;
    if (hasMode(modes, Mode.PRESENCE)) metrics.presenceConnections++;
    if (hasMode(modes, Mode.PRESENCE_SUBSCRIBE)) metrics.presenceSubscribers++;
    if (hasMode(modes, Mode.OBJECT_PUBLISH)) metrics.objectPublishers++;
    if (hasMode(modes, Mode.OBJECT_SUBSCRIBE)) metrics.objectSubscribers++;
  }
  return metrics;
}

/** Whether two readings agree on the metrics a subscriber selected (all eight, or one category). */
export function sameMetrics(
  a: OccupancyMetrics | undefined,
  b: OccupancyMetrics,
  selection: 'all' | MetricName = 'all',
): boolean {
  if (a === undefined) return false;
  return selection === 'all' ? METRIC_NAMES.every((name) => a[name] === b[name]) : a[selection] === b[selection];
}

/**
 * Parses the `occupancy` channel param: `metrics` selects all categories, `metrics.<name>` one of them.
 * Returns undefined when the param asks for nothing we know (the param is then not echoed).
 */
export function parseOccupancyParam(value: string | undefined): 'all' | MetricName | undefined {
  if (value === 'metrics') return 'all';
  const name = value?.startsWith('metrics.') ? value.slice('metrics.'.length) : undefined;
  return METRIC_NAMES.find((metric) => metric === name);
}

export function selectMetrics(metrics: OccupancyMetrics, selection: 'all' | MetricName): Partial<OccupancyMetrics> {
  return selection === 'all' ? { ...metrics } : { [selection]: metrics[selection] };
}

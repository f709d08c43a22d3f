import type { OccupancyMetrics } from '@presence-kit/react';

/** One member as an observer shows it (or the server holds it). */
export interface ViewMember {
  clientId: string;
  connectionId: string;
  /** JSON of the member's data, so views compare by value. */
  data: string;
}

/** What one observer shows once things are quiet: members, people, others, self and occupancy. */
export interface ObserverView {
  members: ViewMember[];
  /** clientIds, one per person, in the observer's order (duplicates would be a bug). */
  people: string[];
  /** Connections per person, as the observer groups them. */
  connectionsPerPerson: Record<string, number>;
  /** `people` minus the observer's own clientId. */
  others: string[];
  /** The observer's own member keys on its current connection. */
  self: string[];
  occupancy: OccupancyMetrics | undefined;
  isSynced: boolean;
  /** What `@presence-kit/react-ui`'s components show (Chromium pages only). */
  components?: ComponentsShown;
}

/** Names in `<OnlineList/>`, and the numbers in `<ViewerCount metric="people"/>` and `metric="connections"`. */
export interface ComponentsShown {
  onlineList: string[];
  peopleCount: number | undefined;
  connectionsCount: number | undefined;
}

/** `data` as comparable text: object keys sorted, `undefined` as the empty string. */
export function dataText(data: unknown): string {
  if (data === undefined || data === null) return '';
  return JSON.stringify(sortKeys(data));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

import type { PersonSummary } from '../person-summary.js';

/**
 * One entry per clientId, self first, otherwise in the order given: the one rule every component uses to count
 * people, so a person with two tabs counts once everywhere. A later duplicate adds its devices to the first.
 */
export function dedupePeople(items: readonly PersonSummary[]): PersonSummary[] {
  const byClientId = new Map<string, PersonSummary>();
  for (const item of items) {
    const seen = byClientId.get(item.clientId);
    if (!seen) {
      byClientId.set(item.clientId, item);
    } else {
      byClientId.set(item.clientId, {
        ...seen,
        isSelf: seen.isSelf || item.isSelf,
        deviceCount: (seen.deviceCount ?? 1) + (item.deviceCount ?? 1),
      });
    }
  }
  return selfFirst([...byClientId.values()]);
}

/** Moves the entries for the current user to the front, keeping the rest in order. */
export function selfFirst<T extends { isSelf?: boolean | undefined }>(items: readonly T[]): T[] {
  const self = items.filter((item) => item.isSelf);
  if (self.length === 0) return [...items];
  return [...self, ...items.filter((item) => !item.isSelf)];
}

/** The fields of the EventEmitter ably-js uses everywhere (and `@ably/chat` reuses) for listeners. */
interface EmitterFields {
  any: unknown[];
  anyOnce?: unknown[];
  events: Record<string, unknown[]>;
  eventsOnce?: Record<string, unknown[]>;
}

function isEmitter(value: unknown): value is EmitterFields {
  const fields = value as Partial<EmitterFields> | null;
  return !!fields && typeof fields === 'object' && Array.isArray(fields.any) && typeof fields.events === 'object';
}

function count(emitter: EmitterFields): number {
  let total = emitter.any.length + (emitter.anyOnce?.length ?? 0);
  for (const list of Object.values(emitter.events)) total += list.length;
  for (const list of Object.values(emitter.eventsOnce ?? {})) total += list.length;
  return total;
}

/**
 * Listener counts of every SDK event emitter reachable from `roots` within a few property hops, keyed by path. This
 * reads SDK internals on purpose: a leak check has to see what the SDK holds on to. The numbers are only ever
 * compared with themselves (before and after), never with a constant, so SDK upgrades cannot break the check.
 */
export function listenerCounts(roots: Record<string, unknown>, depth = 3): Record<string, number> {
  const seen = new WeakSet<object>();
  const counts: Record<string, number> = {};
  const walk = (value: unknown, path: string, left: number) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (isEmitter(value)) {
      counts[path] = count(value);
      return;
    }
    if (left === 0 || Array.isArray(value) || value instanceof Map || value instanceof Set) return;
    for (const key of Object.keys(value)) {
      if (key === '_logger' || key === 'logger' || key === 'client' || key === 'realtime' || key === '_realtime')
        continue;
      walk((value as Record<string, unknown>)[key], `${path}.${key}`, left - 1);
    }
  };
  for (const [name, root] of Object.entries(roots)) walk(root, name, depth);
  return counts;
}

/** Paths whose listener count is higher in `now` than in `before`, as readable lines. */
export function grownListeners(before: Record<string, number>, now: Record<string, number>): string[] {
  return Object.keys(now)
    .filter((path) => (now[path] ?? 0) > (before[path] ?? 0))
    .map((path) => `${path}: ${before[path] ?? 0} -> ${now[path]}`);
}

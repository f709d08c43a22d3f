/** Chat's three reaction types, by the annotation type names Ably uses on the wire. */
export const REACTION_TYPES = {
  unique: 'reaction:unique.v1',
  distinct: 'reaction:distinct.v1',
  multiple: 'reaction:multiple.v1',
} as const;

export type ReactionKind = keyof typeof REACTION_TYPES;

interface ClientIdList {
  total: number;
  clientIds: string[];
  clipped: boolean;
}

interface ClientIdCounts {
  total: number;
  clientIds: Record<string, number>;
  totalUnidentified: number;
  clipped: boolean;
  totalClientIds: number;
}

/** The summary chat reads: `{ unique, distinct, multiple }`, each keyed by reaction name. */
export interface ReactionSummary {
  unique: Record<string, ClientIdList>;
  distinct: Record<string, ClientIdList>;
  multiple: Record<string, ClientIdCounts>;
}

/**
 * One message's reactions, with chat's rules: `unique` = one reaction per client (a new one replaces it);
 * `distinct` = each name at most once per client; `multiple` = counts that add up per client and name.
 * Maps (not objects) hold client-chosen names, so no name can collide with a prototype property.
 */
export class MessageReactions {
  private readonly unique = new Map<string, string>();
  private readonly distinct = new Map<string, Set<string>>();
  private readonly multiple = new Map<string, Map<string, number>>();

  /** (client, name) pairs held, across all three kinds: what bounds this message's memory. */
  get size(): number {
    let size = this.unique.size;
    for (const clients of this.distinct.values()) size += clients.size;
    for (const counts of this.multiple.values()) size += counts.size;
    return size;
  }

  add(kind: ReactionKind, clientId: string, name: string, count: number): void {
    if (kind === 'unique') {
      this.unique.set(clientId, name);
    } else if (kind === 'distinct') {
      const clients = this.distinct.get(name) ?? new Set<string>();
      this.distinct.set(name, clients);
      clients.add(clientId);
    } else {
      const counts = this.multiple.get(name) ?? new Map<string, number>();
      this.multiple.set(name, counts);
      counts.set(clientId, (counts.get(clientId) ?? 0) + count);
    }
  }

  /** Removes a client's reaction; `name` is ignored for `unique`. Returns whether anything changed. */
  remove(kind: ReactionKind, clientId: string, name: string | undefined): boolean {
    if (kind === 'unique') return this.unique.delete(clientId);
    const map = kind === 'distinct' ? this.distinct : this.multiple;
    const clients = map.get(name ?? '');
    if (!clients?.delete(clientId)) return false;
    if (clients.size === 0) map.delete(name ?? '');
    return true;
  }

  summary(forClientId?: string): ReactionSummary {
    const include = (clientId: string) => forClientId === undefined || clientId === forClientId;
    const summary: ReactionSummary = { unique: {}, distinct: {}, multiple: {} };
    const list = (target: Record<string, ClientIdList>, name: string, clientId: string) => {
      const entry = Object.hasOwn(target, name) ? target[name] : undefined;
      if (entry) {
        entry.total++;
        entry.clientIds.push(clientId);
      } else {
        Object.defineProperty(target, name, {
          value: { total: 1, clientIds: [clientId], clipped: false },
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    };
    for (const [clientId, name] of this.unique) if (include(clientId)) list(summary.unique, name, clientId);
    for (const [name, clients] of this.distinct) {
      for (const clientId of clients) if (include(clientId)) list(summary.distinct, name, clientId);
    }
    for (const [name, counts] of this.multiple) {
      const clientIds: Record<string, number> = {};
      let total = 0;
      for (const [clientId, count] of counts) {
        if (!include(clientId)) continue;
        Object.defineProperty(clientIds, clientId, { value: count, enumerable: true, writable: true });
        total += count;
      }
      if (total === 0) continue;
      Object.defineProperty(summary.multiple, name, {
        value: {
          total,
          clientIds,
          totalUnidentified: 0,
          clipped: false,
          totalClientIds: Object.keys(clientIds).length,
        },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return summary;
  }

  /** The same summary keyed by annotation type, as Ably puts it in a `message.summary` event's `annotations.summary`. */
  wireSummary(): Record<string, unknown> {
    const { unique, distinct, multiple } = this.summary();
    return {
      [REACTION_TYPES.unique]: unique,
      [REACTION_TYPES.distinct]: distinct,
      [REACTION_TYPES.multiple]: multiple,
    };
  }
}

/** The reaction kind for a type name from the REST body (`unique`/`distinct`/`multiple`, or the wire type name). */
export function parseReactionKind(type: unknown): ReactionKind | undefined {
  for (const [kind, wire] of Object.entries(REACTION_TYPES)) {
    if (type === kind || type === wire) return kind as ReactionKind;
  }
  return undefined;
}

import type { Person, PresenceKitMember } from '@presence-kit/react';
import { type PersonSummary, type PresenceAccessor, toPersonSummary } from '../person-summary.js';

interface Cached {
  summary: PersonSummary;
  accessor: PresenceAccessor | undefined;
  selfClientId: string | undefined;
}

// The store keeps a person's (and a member's) object identity until they change, so a summary computed once stays
// right until then. Sorting 10,000 people on every frame then sanitizes only the few who changed.
const people = new WeakMap<Person, Cached>();
const members = new WeakMap<PresenceKitMember, Cached>();

function cached<K extends object>(
  cache: WeakMap<K, Cached>,
  key: K,
  accessor: PresenceAccessor | undefined,
  selfClientId: string | undefined,
  make: () => PersonSummary,
): PersonSummary {
  const hit = cache.get(key);
  if (hit && hit.accessor === accessor && hit.selfClientId === selfClientId) return hit.summary;
  const summary = make();
  cache.set(key, { summary, accessor, selfClientId });
  return summary;
}

/**
 * A person as every connected component shows them: one entry per clientId, the latest connection's data, and the
 * number of connections as the device count. One function, so every component counts and names people alike.
 */
export function summarizePerson(
  person: Person,
  accessor: PresenceAccessor | undefined,
  selfClientId: string | undefined,
): PersonSummary {
  return cached(people, person, accessor, selfClientId, () =>
    toPersonSummary(person.latest, {
      id: person.clientId,
      accessor,
      selfClientId,
      deviceCount: person.connections.length,
    }),
  );
}

/** One connection (a tab or device), keyed by its member key. */
export function summarizeMember(
  member: PresenceKitMember,
  accessor: PresenceAccessor | undefined,
  selfClientId: string | undefined,
): PersonSummary {
  return cached(members, member, accessor, selfClientId, () =>
    toPersonSummary(member, { id: member.key, accessor, selfClientId, deviceCount: 1 }),
  );
}

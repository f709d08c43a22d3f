import type { Person, PresenceKitMember } from '@presence-kit/react';
import { type PersonSummary, type PresenceAccessor, toPersonSummary } from '../person-summary.js';

/**
 * A person as every connected component shows them: one entry per clientId, the latest connection's data, and the
 * number of connections as the device count. One function, so every component counts and names people alike.
 */
export function summarizePerson(
  person: Person,
  accessor: PresenceAccessor | undefined,
  selfClientId: string | undefined,
): PersonSummary {
  return toPersonSummary(person.latest, {
    id: person.clientId,
    accessor,
    selfClientId,
    deviceCount: person.connections.length,
  });
}

/** One connection (a tab or device), keyed by its member key. */
export function summarizeMember(
  member: PresenceKitMember,
  accessor: PresenceAccessor | undefined,
  selfClientId: string | undefined,
): PersonSummary {
  return toPersonSummary(member, { id: member.key, accessor, selfClientId, deviceCount: 1 });
}

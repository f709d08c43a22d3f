'use client';
import { usePeopleSelector } from '../internal/use-people-selector.js';
import type { SelectOptions } from '../internal/use-room-selector.js';
import { clientIdOfKey } from '../store/member-index.js';
import type { DefaultPresenceData, PresenceKitMember, RoomSnapshot } from '../store/types.js';

/** Options of {@link useMember}. */
export interface UseMemberOptions<TPresence = DefaultPresenceData, TSelected = PresenceKitMember<TPresence> | undefined>
  extends SelectOptions<PresenceKitMember<TPresence> | undefined, TSelected> {
  /** The member's `key` (`clientId:connectionId`), e.g. from `useMemberKeys()`. */
  key: string;
}

/**
 * One member (one connection) by key, or `undefined` when it is not present. Re-renders only when that member
 * changes, not when anyone else does.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * function MemberRow({ memberKey }: { memberKey: string }) {
 *   const name = useMember({ key: memberKey, select: (m) => m?.data?.name });
 *   return <li>{name}</li>;
 * }
 */
export function useMember<TPresence = DefaultPresenceData, TSelected = PresenceKitMember<TPresence> | undefined>(
  options: UseMemberOptions<TPresence, TSelected>,
): TSelected {
  const { key } = options;
  return usePeopleSelector('useMember', options, pickMember, key);
}

const pickMember = (snapshot: RoomSnapshot<unknown>, key: string) =>
  snapshot.peopleByClientId.get(clientIdOfKey(key))?.connections.find((member) => member.key === key) as never;

'use client';
import { usePeopleSelector } from '../internal/use-people-selector.js';
import type { RoomHookOptions } from '../internal/use-room-entry.js';

/** Options of {@link useMemberKeys}. */
export type UseMemberKeysOptions = RoomHookOptions;

/**
 * The `key` of every member (`clientId:connectionId`, one per connection), in the order they entered. The array is
 * new only when someone enters or leaves, never when a member's data changes: key list rows by it and let each row
 * read its own member with `useMember({ key })`, so an update re-renders one row.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const keys = useMemberKeys();
 * return <ul>{keys.map((key) => <MemberRow key={key} memberKey={key} />)}</ul>;
 */
export function useMemberKeys(options: UseMemberKeysOptions = {}): readonly string[] {
  return usePeopleSelector<readonly string[], readonly string[]>(
    'useMemberKeys',
    { room: options.room },
    (snapshot) => snapshot.memberKeys,
  );
}

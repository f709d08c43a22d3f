'use client';
import { type SelectOptions, useRoomSelector } from '../internal/use-room-selector.js';
import type { LiveSnapshot } from '../store/room-store-core.js';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';

/** Options of {@link usePresenceListener}. */
export type UsePresenceListenerOptions<
  TPresence = DefaultPresenceData,
  TSelected = readonly PresenceKitMember<TPresence>[],
> = SelectOptions<readonly PresenceKitMember<TPresence>[], TSelected>;

/**
 * The room's presence members, one per connection (a person with two tabs is two members), live. Members are applied
 * incrementally, and unchanged members keep their identity. With `select`, the component re-renders only when the
 * selection changes. For one entry per person use `usePeople`; for long lists, `useMemberKeys` plus `useMember`.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>` (104000), or with no room (104001).
 * @example
 * const members = usePresenceListener();
 * const count = usePresenceListener({ select: (members) => members.length });
 * const names = usePresenceListener({ select: (m) => m.map((x) => x.clientId), isEqual: shallow, room: 'lobby' });
 */
export function usePresenceListener<
  TPresence = DefaultPresenceData,
  TSelected = readonly PresenceKitMember<TPresence>[],
>(options: UsePresenceListenerOptions<TPresence, TSelected> = {}): TSelected {
  return useRoomSelector('usePresenceListener', options, pickMembers);
}

const pickMembers = (snapshot: LiveSnapshot) => snapshot.members as never;

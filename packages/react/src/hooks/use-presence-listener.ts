'use client';
import { selectorArgs } from '../internal/selector-args.js';
import type { RoomHookOptions } from '../internal/use-room-entry.js';
import { useRoomSelector } from '../internal/use-room-selector.js';
import type { DefaultPresenceData, PresenceKitMember } from '../store/types.js';

export type UsePresenceListenerOptions = RoomHookOptions;

/**
 * The room's presence members (one per connection), live. With a selector, the component re-renders only when the
 * selection changes (compared with `isEqual`, `Object.is` by default; pass `shallow` for derived arrays). Members are
 * applied incrementally, and unchanged members keep their identity.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * const members = usePresenceListener<Cursor>();
 * const names = usePresenceListener((members) => members.map((m) => m.clientId), shallow);
 * const count = usePresenceListener((members) => members.length, undefined, { room: 'lobby' });
 */
export function usePresenceListener<TData = DefaultPresenceData>(
  options?: UsePresenceListenerOptions,
): readonly PresenceKitMember<TData>[];
export function usePresenceListener<TData = DefaultPresenceData, TSelected = readonly PresenceKitMember<TData>[]>(
  selector: (members: readonly PresenceKitMember<TData>[]) => TSelected,
  isEqual?: (a: TSelected, b: TSelected) => boolean,
  options?: UsePresenceListenerOptions,
): TSelected;
export function usePresenceListener<TData, TSelected>(
  first?: ((members: readonly PresenceKitMember<TData>[]) => TSelected) | UsePresenceListenerOptions,
  isEqual?: (a: TSelected, b: TSelected) => boolean,
  options?: UsePresenceListenerOptions,
): TSelected | readonly PresenceKitMember<TData>[] {
  const args = selectorArgs(first, isEqual, options);
  return useRoomSelector<TData, TSelected | readonly PresenceKitMember<TData>[]>(
    'usePresenceListener',
    args.options.room,
    (snapshot) => (args.selector ? args.selector(snapshot.members) : snapshot.members),
    args.isEqual as ((a: unknown, b: unknown) => boolean) | undefined,
  );
}

'use client';
import { selectorArgs } from '../internal/selector-args.js';
import type { RoomHookOptions } from '../internal/use-room-entry.js';
import { useRoomSelector } from '../internal/use-room-selector.js';
import type { DefaultPresenceData, Person } from '../store/types.js';

export type UsePeopleOptions = RoomHookOptions;

/**
 * The people in the room: members grouped by `clientId`, so one person with three tabs is one person with three
 * `connections`. A person object keeps its identity until one of their connections changes.
 *
 * @throws PresenceKitError at render when outside `<PresenceKitProvider>`, or with no room.
 * @example
 * const people = usePeople<{ name: string }>();
 * return <p>{people.length} people here</p>;
 * const count = usePeople((people) => people.length);
 */
export function usePeople<TData = DefaultPresenceData>(options?: UsePeopleOptions): readonly Person<TData>[];
export function usePeople<TData = DefaultPresenceData, TSelected = readonly Person<TData>[]>(
  selector: (people: readonly Person<TData>[]) => TSelected,
  isEqual?: (a: TSelected, b: TSelected) => boolean,
  options?: UsePeopleOptions,
): TSelected;
export function usePeople<TData, TSelected>(
  first?: ((people: readonly Person<TData>[]) => TSelected) | UsePeopleOptions,
  isEqual?: (a: TSelected, b: TSelected) => boolean,
  options?: UsePeopleOptions,
): TSelected | readonly Person<TData>[] {
  const args = selectorArgs(first, isEqual, options);
  return useRoomSelector<TData, TSelected | readonly Person<TData>[]>(
    'usePeople',
    args.options.room,
    (snapshot) => (args.selector ? args.selector(snapshot.people) : snapshot.people),
    args.isEqual as ((a: unknown, b: unknown) => boolean) | undefined,
  );
}

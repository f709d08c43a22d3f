'use client';
import type { RoomOptions } from '@ably/chat';
import { type ReactNode, useEffect, useMemo } from 'react';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { checkRoomName, RoomContext, type RoomScopeValue } from '../internal/room-context.js';

export interface PresenceRoomProps {
  /** The chat room name. */
  name: string;
  /**
   * Room options for `@ably/chat`, passed to `rooms.get` as given and read once: later changes are ignored until the
   * room is let go, so an inline object is fine. Default: none, Ably Chat's defaults, the same as `ChatRoomProvider`'s,
   * so both can hold the room. Occupancy events are off by default there; `useOccupancy` then polls REST. For live
   * counts pass `{ occupancy: { enableEvents: true } }` (to `ChatRoomProvider` too, if the app uses it for this room).
   */
  options?: RoomOptions;
  children?: ReactNode;
}

/**
 * Scopes the hooks below it to one room. The room is acquired by reference count when this mounts (in an effect,
 * never during render), shared with every other scope and hook using the same name, and survives StrictMode's
 * double mount.
 *
 * @throws PresenceKitError when rendered outside `<PresenceKitProvider>` or with an empty name.
 * @example
 * <PresenceRoom name="doc-42" options={{ occupancy: { enableEvents: true } }}>
 *   <WhoIsHere />
 * </PresenceRoom>
 */
export function PresenceRoom({ name, options, children }: PresenceRoomProps) {
  const { registry } = usePresenceKitContext('<PresenceRoom>');
  checkRoomName('<PresenceRoom>', name);
  const entry = registry.entry(name, options);

  useEffect(() => {
    registry.adopt(entry);
    entry.retain();
    return () => entry.release();
  }, [registry, entry]);

  const value = useMemo<RoomScopeValue>(() => ({ name, entry }), [name, entry]);
  return <RoomContext.Provider value={value}>{children}</RoomContext.Provider>;
}

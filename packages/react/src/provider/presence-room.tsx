'use client';
import type { RoomOptions } from '@ably/chat';
import { type ReactNode, useEffect, useMemo } from 'react';
import { PresenceKitError, PresenceKitErrorCode } from '../errors.js';
import { usePresenceKitContext } from '../internal/presence-kit-context.js';
import { checkRoomName, RoomContext, type RoomScopeValue } from '../internal/room-context.js';

export interface PresenceRoomProps {
  /** The chat room name. */
  name: string;
  /**
   * Room options for `@ably/chat`, read once: later changes are ignored until the room is released, so an inline
   * object is fine. Defaults to `{ occupancy: { enableEvents: true } }` (merged under yours).
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
 * <PresenceRoom name="doc-42" options={{ presence: { enableEvents: true } }}>
 *   <WhoIsHere />
 * </PresenceRoom>
 */
export function PresenceRoom({ name, options, children }: PresenceRoomProps) {
  const { registry } = usePresenceKitContext('<PresenceRoom>');
  checkRoomName('<PresenceRoom>', name);
  if (!registry) {
    throw new PresenceKitError(
      PresenceKitErrorCode.MissingProvider,
      '<PresenceRoom> must be used within <PresenceKitProvider client={chatClient}>; this context has no room registry.',
    );
  }
  const entry = registry.entry(name, options);

  useEffect(() => {
    registry.adopt(entry);
    entry.retain();
    return () => entry.release();
  }, [registry, entry]);

  const value = useMemo<RoomScopeValue>(() => ({ name, entry }), [name, entry]);
  return <RoomContext.Provider value={value}>{children}</RoomContext.Provider>;
}

'use client';
import { useEffect } from 'react';
import type { RoomEntry } from '../provider/room-entry.js';
import { usePresenceKitContext } from './presence-kit-context.js';
import { checkRoomName, useRoomScopeOrNull } from './room-context.js';

/** Options every room-reading hook accepts. */
export interface RoomHookOptions {
  /** The room to read; defaults to the nearest `<PresenceRoom>`. Outside a scope the hook holds the room itself. */
  room?: string;
}

/**
 * The provider's entry for the hook's room: the scope's when the hook runs inside a matching `<PresenceRoom>`,
 * otherwise one the hook retains itself (from an effect) while mounted. Throws misuse errors naming the hook.
 */
export function useRoomEntry(hookName: string, roomName?: string): RoomEntry {
  const { registry } = usePresenceKitContext(hookName);
  const scope = useRoomScopeOrNull();
  const name = checkRoomName(hookName, roomName ?? scope?.name);
  const scopedEntry = scope !== null && scope.name === name ? scope.entry : undefined;
  const entry = scopedEntry ?? registry.entry(name);
  const scoped = scopedEntry !== undefined;

  useEffect(() => {
    // Inside its scope the room is already held by <PresenceRoom>; otherwise this hook holds it.
    if (scoped) return;
    registry.adopt(entry);
    entry.retain();
    return () => entry.release();
  }, [registry, entry, scoped]);

  return entry;
}

'use client';

import { useRoomStatus } from '@presence-kit/react';
import type { LoadState } from '../viewer-count/viewer-count-view.js';

/**
 * Loading until the room's member list (or occupancy) is known, error when the room failed. Reads only the room
 * status, so a component re-renders on status changes, not on every presence event.
 */
export function useRoomLoadState(room: string | undefined, needs: 'members' | 'occupancy'): LoadState {
  const { status, error, isSynced, hasOccupancy } = useRoomStatus({ room });
  if (status === 'failed' || (error && !(needs === 'members' ? isSynced : hasOccupancy))) return 'error';
  return (needs === 'members' ? isSynced : hasOccupancy) ? 'ready' : 'loading';
}

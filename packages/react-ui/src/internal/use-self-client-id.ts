'use client';

import { usePresenceKit, useSelf } from '@presence-kit/react';

/** My clientId: from my presence member when I am present, else from the client's options (known before connecting). */
export function useSelfClientId(room: string | undefined): string | undefined {
  const { client } = usePresenceKit();
  const self = useSelf({ room });
  return self?.clientId ?? client.clientId ?? undefined;
}

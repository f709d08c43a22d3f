import { type AblyConnectionConfig, fetchAblyConfig } from '@presence-kit/local-ably/vite/client';
import { useEffect, useState } from 'react';

export type AblyConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: AblyConnectionConfig }
  | { status: 'error'; message: string };

/** Where to connect, from the dev or preview server's `/api/ably-config`; read once per page load. */
export function useAblyConfig(): AblyConfigState {
  const [state, setState] = useState<AblyConfigState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    fetchAblyConfig().then(
      (config) => live && setState({ status: 'ready', config }),
      (error: Error) => live && setState({ status: 'error', message: error.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

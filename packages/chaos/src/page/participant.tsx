import { type UsePresenceResult, usePresence } from '@presence-kit/react';
import { useEffect, useSyncExternalStore } from 'react';
import type { PresenceIntent } from '../chaos-client.js';

/** The page's presence intent, set by the driver; the participant renders from it. */
export function createIntentStore() {
  let intent: PresenceIntent = { present: false, data: {} };
  const listeners = new Set<() => void>();
  return {
    get: () => intent,
    set(next: PresenceIntent) {
      intent = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type IntentStore = ReturnType<typeof createIntentStore>;

/**
 * This page's own presence through the kit's `usePresence`: entered or left as the intent says, its data a prop
 * (the hook sends an update when it changes by value). Rejections are passed on: the kit reports them, and the run
 * checks that presence still ends up right without the page retrying anything.
 */
export function Participant(props: {
  intents: IntentStore;
  latest: { current?: UsePresenceResult };
  onRejected(error: unknown): void;
}) {
  const { intents, latest, onRejected } = props;
  const intent = useSyncExternalStore(intents.subscribe, intents.get);
  const presence = usePresence({ data: intent.data, enterOnMount: false });
  latest.current = presence;
  const { enter, leave } = presence;
  useEffect(() => {
    (intent.present ? enter() : leave()).catch(onRejected);
  }, [intent.present, enter, leave, onRejected]);
  return null;
}

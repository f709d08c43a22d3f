'use client';
import { useLayoutEffect, useRef } from 'react';

// useLayoutEffect warns during server rendering; there is nothing to keep current on the server anyway.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? () => {} : useLayoutEffect;

/** A ref that always holds the latest value, so event subscriptions can call the newest callback without resubscribing. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

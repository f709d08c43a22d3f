'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * `value`, changing at most once per `intervalMs`, and always settling on the latest value (trailing edge). Used
 * for screen-reader text in live regions, so a busy room does not flood the announcement queue.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastChange = useRef(0);

  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = lastChange.current + intervalMs - Date.now();
    if (wait <= 0) {
      lastChange.current = Date.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      lastChange.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);

  return shown;
}

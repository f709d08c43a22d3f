'use client';
import { useRef } from 'react';
import { jsonEqual } from '../store/json-equal.js';

/**
 * Returns the previous reference while `value` is equal to it by JSON value, so effects keyed on it run only when
 * the contents change (`usePresence({ x: 1 })` re-rendered with a new `{ x: 1 }` sends no update).
 */
export function useValueStable<T>(value: T): T {
  const ref = useRef(value);
  // Idempotent for a given value, so writing during render is safe under concurrent rendering.
  if (!jsonEqual(ref.current, value)) ref.current = value;
  return ref.current;
}

'use client';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { CODE_SELECT_FAILED, PresenceKitError } from '../errors.js';
import { shallow } from '../store/shallow.js';
import { warnOnce } from './dev-warning.js';

/** A store as `useSyncExternalStore` reads it. */
export interface ReadableStore<TSnapshot> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): TSnapshot;
}

interface Memo<TSnapshot, TSelection> {
  snapshot: TSnapshot;
  selector: (snapshot: TSnapshot) => TSelection;
  selection: TSelection;
}

/**
 * Reads a slice of an external store with one `useSyncExternalStore` call. The selection is memoized per snapshot,
 * and when `isEqual` says a new selection equals the previous one the previous reference is kept, so the component
 * does not re-render. The server snapshot is a module-level constant, so server rendering and hydration agree.
 * In development, a selector that keeps returning new but equal arrays or objects without `isEqual` is reported.
 */
export function useStoreSelector<TSnapshot, TSelection>(
  hookName: string,
  store: ReadableStore<TSnapshot>,
  serverSnapshot: TSnapshot,
  selector: (snapshot: TSnapshot) => TSelection,
  isEqual?: (a: TSelection, b: TSelection) => boolean,
): TSelection {
  const memo = useRef<Memo<TSnapshot, TSelection> | null>(null);
  const serverMemo = useRef<Memo<TSnapshot, TSelection> | null>(null);
  const equal = isEqual ?? Object.is;

  const select = (snapshot: TSnapshot, cache: { current: Memo<TSnapshot, TSelection> | null }): TSelection => {
    const previous = cache.current;
    if (previous && previous.snapshot === snapshot && previous.selector === selector) return previous.selection;
    const next = runSelector(hookName, selector, snapshot);
    // Keep the old reference when equal: `useSyncExternalStore` compares with Object.is and bails out.
    const selection = previous && equal(previous.selection, next) ? previous.selection : next;
    if (
      process.env.NODE_ENV !== 'production' &&
      isEqual === undefined &&
      previous &&
      previous.snapshot !== snapshot &&
      selection !== previous.selection &&
      typeof next === 'object' &&
      next !== null &&
      shallow(previous.selection, next)
    ) {
      warnOnce(
        `selector:${hookName}`,
        `${hookName}: the select function returned a new ${Array.isArray(next) ? 'array' : 'object'} equal to the last one, so the component re-renders for nothing. Pass isEqual: shallow (exported by @presence-kit/react), or select a value that keeps its identity.`,
      );
    }
    cache.current = { snapshot, selector, selection };
    return selection;
  };

  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(
    subscribe,
    () => select(store.getSnapshot(), memo),
    () => select(serverSnapshot, serverMemo),
  );
}

/**
 * Runs a selector; what it throws reaches the error boundary as a `PresenceKitError` naming the hook, with the
 * original as `cause`. Nothing is cached for a failed run and the store is untouched, so other components reading the
 * same room go on, and this one recovers on its next render once the selector stops throwing.
 */
function runSelector<TSnapshot, TSelection>(
  hookName: string,
  selector: (snapshot: TSnapshot) => TSelection,
  snapshot: TSnapshot,
): TSelection {
  try {
    return selector(snapshot);
  } catch (error) {
    if (error instanceof PresenceKitError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new PresenceKitError(
      CODE_SELECT_FAILED,
      `${hookName}: the select function threw: ${message}. It runs on every change, also while the room is empty or a member is missing: guard against that (e.g. with ?.).`,
      500,
      error instanceof Error ? error : undefined,
    );
  }
}

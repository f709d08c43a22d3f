import { type Context, createContext, useContext } from 'react';

/** A context for compound parts; `null` outside the root, so a part can say where it must be used. */
export function createPartContext<T>(owner: string): Context<T | null> {
  const context = createContext<T | null>(null);
  context.displayName = `${owner}Context`;
  return context;
}

/**
 * Reads a compound part's context, throwing a clear error (Ably-style code 40000) when the part is rendered outside
 * its root.
 */
export function usePartContext<T>(context: Context<T | null>, part: string, owner: string): T {
  const value = useContext(context);
  if (value === null) {
    const error = new Error(`\`${part}\` must be used within \`${owner}\`. Wrap it in <${owner}>.`);
    (error as Error & { code: number }).code = 40000;
    throw error;
  }
  return value;
}

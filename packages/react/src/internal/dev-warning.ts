const warned = new Set<string>();

/**
 * Logs a development warning once per `id`. Callers guard it with `process.env.NODE_ENV !== 'production'`, so
 * bundlers drop the call and its message from production builds.
 */
export function warnOnce(id: string, message: string): void {
  if (warned.has(id)) return;
  warned.add(id);
  console.warn(`[presence-kit] ${message}`);
}

/** Forgets which warnings were shown (for tests). */
export function resetWarnings(): void {
  warned.clear();
}

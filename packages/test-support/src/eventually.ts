/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `check` stops throwing (or returns something other than `false`), then returns its result; after
 * `timeoutMs` it fails with the last error, so a failing test says what was last wrong rather than "timed out".
 *
 * @example
 * await eventually(() => expect(screen.getByText('Ada')).toBeVisible());
 */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = new Error('eventually: the check never ran');
  while (Date.now() < deadline) {
    try {
      const result = await check();
      if (result !== false) return result;
      lastError = new Error('the check returned false');
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw lastError;
}

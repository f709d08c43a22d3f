/** Polls until `check` stops throwing (or returns something other than false), or rethrows its last error. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = new Error('eventually: never ran');
  while (Date.now() < deadline) {
    try {
      const result = await check();
      if (result !== false) return result;
      lastError = new Error('condition returned false');
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw lastError;
}

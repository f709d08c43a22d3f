/**
 * Calls every listener, even after one throws: one component's faulty listener must not keep the event from the
 * others. The first error is rethrown afterwards, so it still surfaces where it would have.
 */
export function callEach<T>(listeners: ReadonlySet<(value: T) => void>, value: T): void {
  let failure: { error: unknown } | undefined;
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

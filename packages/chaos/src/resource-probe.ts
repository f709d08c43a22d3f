/**
 * Watches the process for what a chaos run must never leave behind: unhandled promise rejections and uncaught
 * exceptions while it runs, and, once everything is closed, more live handles (sockets, timers, servers) than
 * before it started.
 */
export class ResourceProbe {
  private readonly seen: string[] = [];
  private baseline: Record<string, number> = {};
  private readonly onRejection = (reason: unknown) => {
    this.seen.push(`unhandled rejection: ${describe(reason)}`);
  };
  private readonly onException = (error: unknown) => {
    this.seen.push(`uncaught exception: ${describe(error)}`);
  };

  start(): void {
    this.baseline = activeResources();
    process.on('unhandledRejection', this.onRejection);
    process.on('uncaughtException', this.onException);
  }

  /** Stops watching; returns every problem, waiting up to `settleMs` for closed handles to go. */
  async finish(settleMs = 5_000): Promise<string[]> {
    const deadline = Date.now() + settleMs;
    let grown = this.grown();
    while (grown.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      grown = this.grown();
    }
    process.off('unhandledRejection', this.onRejection);
    process.off('uncaughtException', this.onException);
    return [...this.seen, ...grown.map((line) => `leaked after close: ${line}`)];
  }

  private grown(): string[] {
    const now = activeResources();
    return Object.keys(now)
      .filter((type) => (now[type] ?? 0) > (this.baseline[type] ?? 0))
      .map((type) => `${type} ${this.baseline[type] ?? 0} -> ${now[type]}`);
  }
}

function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value && typeof value === 'object' && 'message' in value) return String((value as { message: unknown }).message);
  return String(value);
}

/**
 * Runs `flush` once, later (typically on the next animation frame); returns a function that cancels it.
 * Stores call it at most once per pending flush, so everything that happens before the frame is coalesced.
 */
export type FrameScheduler = (flush: () => void) => () => void;

/** The fallback frame length when `requestAnimationFrame` is unavailable (Node, jsdom without pretendToBeVisual). */
export const FALLBACK_FRAME_MS = 16;

/**
 * `requestAnimationFrame` when the page has it, else a ~16 ms timer. A hidden tab pauses animation frames, so a
 * timer backs up the frame: whichever fires first flushes, and the other is cancelled (no update is ever stuck).
 */
export const animationFrameScheduler: FrameScheduler = (flush) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    flush();
  };
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : undefined;
  // The timer is a backstop for hidden tabs; with rAF available it is deliberately longer than one frame.
  const timer = setTimeout(run, raf === undefined ? FALLBACK_FRAME_MS : 250);
  function cancel() {
    // The backstop timer can outlive the page's globals (a jsdom test environment torn down while it is pending).
    if (raf !== undefined && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(raf);
    clearTimeout(timer);
  }
  return () => {
    done = true;
    cancel();
  };
};

/** A scheduler you flush by hand, for tests: `flush()` runs every pending callback once. */
export interface ManualFrameScheduler {
  readonly schedule: FrameScheduler;
  /** Runs the pending flushes; returns how many ran. */
  flush(): number;
  readonly pending: number;
}

/**
 * Creates a scheduler whose frames happen only when you call `flush()`.
 *
 * @example
 * const frames = createManualFrameScheduler();
 * render(<PresenceKitProvider client={chat} scheduler={frames.schedule}>…</PresenceKitProvider>);
 * act(() => { frames.flush(); });
 */
export function createManualFrameScheduler(): ManualFrameScheduler {
  let queue: Array<() => void> = [];
  return {
    schedule(flush) {
      queue.push(flush);
      return () => {
        queue = queue.filter((queued) => queued !== flush);
      };
    },
    flush() {
      const run = queue;
      queue = [];
      for (const flush of run) flush();
      return run.length;
    },
    get pending() {
      return queue.length;
    },
  };
}

import { finalVersionOf } from '../plan.js';
import type { ArmOptions, BurstResult } from './bench-api.js';

/** What the list hands the probe after each commit: anything with bench data. */
export interface ProbeMember {
  readonly data: unknown;
}

/**
 * Instruments one mounted side. The list calls {@link Probe.onCommit} from a layout effect (after React has written
 * the DOM); the probe records which member versions are new, stamps their event-to-paint latency after the next
 * frame, and resolves the burst once every touched member shows its final version. It is the same code for both
 * sides, so its cost (one pass over the list per commit) is charged to both.
 */
export class Probe {
  commits = 0;
  members = 0;
  private armed = false;
  private finished = false;
  /** `onRender` runs after the layout effects of its commit, so the commit that finished the burst arrives late. */
  private countFinishingCommit = false;
  private armedAt = 0;
  private finalAt = 0;
  private frames = 0;
  private renderMs = 0;
  private burstCommits = 0;
  private readonly lastVersion: number[] = [];
  private readonly lastObject: unknown[] = [];
  private finalVersion = new Int32Array(0);
  private target = 0;
  private done = 0;
  private readonly latencies: number[] = [];
  private pendingBatches = 0;
  private resolveFinal: (() => void) | undefined;
  private finalPromise: Promise<void> = new Promise(() => {});

  arm({ members, events }: ArmOptions): void {
    this.finalVersion = new Int32Array(members);
    for (let i = 0; i < members; i++) this.finalVersion[i] = finalVersionOf(i, members, events);
    this.target = Math.min(members, events);
    this.done = 0;
    this.latencies.length = 0;
    this.burstCommits = 0;
    this.renderMs = 0;
    this.frames = 0;
    this.finished = false;
    this.countFinishingCommit = false;
    this.finalPromise = new Promise((resolve) => {
      this.resolveFinal = resolve;
    });
    this.armed = true;
    this.armedAt = performance.now();
    const countFrame = () => {
      if (!this.armed || this.finished) return;
      this.frames++;
      requestAnimationFrame(countFrame);
    };
    requestAnimationFrame(countFrame);
  }

  /** Profiler `onRender`: one call per commit of the side's tree. */
  readonly onRender = (_id: string, _phase: string, actualDuration: number): void => {
    this.commits++;
    if (this.armed && (!this.finished || this.countFinishingCommit)) {
      this.countFinishingCommit = false;
      this.burstCommits++;
      this.renderMs += actualDuration;
    }
  };

  /** For lists that report rows one by one: how many members the list shows now. */
  setCount(count: number): void {
    this.members = count;
  }

  onCommit(members: readonly ProbeMember[]): void {
    this.members = members.length;
    this.observe(members);
  }

  /** Records new member versions without touching the member count (the SDK-only baseline feeds events here). */
  observe(members: readonly ProbeMember[]): void {
    let stamps: number[] | undefined;
    for (const member of members) {
      const data = member.data as { i?: unknown; v?: unknown; t?: unknown } | null | undefined;
      if (typeof data !== 'object' || data === null) continue;
      const { i, v, t } = data;
      if (typeof i !== 'number' || typeof v !== 'number') continue;
      // Ours keeps unchanged members' identity, theirs does not; the version check decides either way.
      if (this.lastObject[i] === member) continue;
      this.lastObject[i] = member;
      if (this.lastVersion[i] === v) continue;
      this.lastVersion[i] = v;
      if (!this.armed || this.finished || v === 0) continue;
      if (typeof t === 'number' && t > 0) {
        stamps ??= [];
        stamps.push(t);
      }
      if (v === this.finalVersion[i]) this.done++;
    }
    if (stamps) this.stampAfterPaint(stamps);
    if (this.armed && !this.finished && this.done >= this.target) {
      this.finished = true;
      this.countFinishingCommit = true;
      this.finalAt = performance.now();
      this.resolveFinal?.();
    }
  }

  whenFinal(capMs: number): Promise<{ timedOut: boolean }> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ timedOut: true }), capMs);
      void this.finalPromise.then(() => {
        clearTimeout(timer);
        resolve({ timedOut: false });
      });
    });
  }

  async results(): Promise<BurstResult> {
    const timedOut = !this.finished;
    const endedAt = timedOut ? performance.now() : this.finalAt;
    // Latency batches settle one frame plus a task after their commit; wait for the last of them.
    for (let tries = 0; this.pendingBatches > 0 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.armed = false;
    return {
      timedOut,
      wallMs: endedAt - this.armedAt,
      commits: this.burstCommits,
      frames: this.frames,
      renderMs: this.renderMs,
      latencies: [...this.latencies],
      done: this.done,
      target: this.target,
    };
  }

  /** The paint that shows this commit happens in the next frame; a task queued from that frame runs after it. */
  private stampAfterPaint(stamps: number[]): void {
    this.pendingBatches++;
    requestAnimationFrame(() => {
      setTimeout(() => {
        const now = Date.now();
        for (const stamp of stamps) this.latencies.push(now - stamp);
        this.pendingBatches--;
      }, 0);
    });
  }
}

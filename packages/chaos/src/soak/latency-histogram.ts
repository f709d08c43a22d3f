/** Latencies in whole milliseconds, bucketed (1 ms buckets up to a minute; anything later lands in the last one). */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(60_001);
  count = 0;
  max = 0;

  record(ms: number): void {
    const bucket = Math.min(this.buckets.length - 1, Math.max(0, Math.round(ms)));
    this.buckets[bucket] = (this.buckets[bucket] ?? 0) + 1;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** The latency at quantile `q` (0 to 1), in ms; 0 when nothing was recorded. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let ms = 0; ms < this.buckets.length; ms++) {
      seen += this.buckets[ms] ?? 0;
      if (seen >= rank) return ms;
    }
    return this.buckets.length - 1;
  }

  add(other: LatencyHistogram): void {
    for (let ms = 0; ms < this.buckets.length; ms++)
      this.buckets[ms] = (this.buckets[ms] ?? 0) + (other.buckets[ms] ?? 0);
    this.count += other.count;
    this.max = Math.max(this.max, other.max);
  }
}

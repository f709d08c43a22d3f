/** A set of small integers with O(1) add, remove and uniform random pick (swap-remove), for choosing churn targets. */
export class IndexPool {
  private readonly items: number[] = [];
  private readonly positions = new Map<number, number>();

  get size(): number {
    return this.items.length;
  }

  add(index: number): void {
    if (this.positions.has(index)) return;
    this.positions.set(index, this.items.length);
    this.items.push(index);
  }

  remove(index: number): void {
    const position = this.positions.get(index);
    if (position === undefined) return;
    const last = this.items.pop() as number;
    if (last !== index) {
      this.items[position] = last;
      this.positions.set(last, position);
    }
    this.positions.delete(index);
  }

  /** The item at a position, e.g. `pool.at(random.int(pool.size))`. */
  at(position: number): number | undefined {
    return this.items[position];
  }
}

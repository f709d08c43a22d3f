import { callEach } from './call-each.js';

/**
 * The smallest external store: one value, a `Set` of listeners, synchronous notification. For values that change
 * rarely (room status, the last presence error), where frame batching would only add latency.
 */
export class ValueStore<T> {
  readonly #listeners = new Set<() => void>();
  #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  readonly getSnapshot = (): T => this.#value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  set(value: T): void {
    if (Object.is(value, this.#value)) return;
    this.#value = value;
    callEach(this.#listeners, undefined);
  }
}

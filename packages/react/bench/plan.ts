/**
 * The burst plan, shared by the Node runner and the page so both agree on the final state without sending it.
 * Event `v` (1..events) updates member `(v - 1) % members` to version `v`; a member's final version is the last `v`
 * that targets it. Members start at version 0.
 */

/** The presence data every bench member carries. `t` is the send time in Node (`Date.now()`), 0 before the burst. */
export interface BenchData {
  /** Member index. */
  i: number;
  /** Version: 0 after population, then the number of the burst event that last updated the member. */
  v: number;
  /** When the driver sent this version (ms since the epoch); 0 for the initial version. */
  t: number;
}

/** The clientId of member `index`. */
export function clientIdOf(index: number): string {
  return `u${index}`;
}

/** The member that burst event `v` updates. */
export function targetOf(v: number, members: number): number {
  return (v - 1) % members;
}

/** The version a member ends on, or 0 if the burst never touches it. */
export function finalVersionOf(index: number, members: number, events: number): number {
  if (index >= events) return 0;
  return index + 1 + Math.floor((events - 1 - index) / members) * members;
}

/** The bench's case matrix: members × burst size × delivery. */

/** `task`: one presence message per PRESENCE frame, so one event per browser task. `frame`: 100 per frame. */
export type Delivery = 'task' | 'frame';

/** One cell of the matrix: N members, a burst of E updates, and how they are framed. */
export interface BenchCase {
  members: number;
  events: number;
  delivery: Delivery;
}

/** Presence messages per PRESENCE frame for `frame` delivery (and for populating the room). */
export const EVENTS_PER_FRAME = 100;

/** A short stable name for a case, e.g. `1000x1000-task`; used in room names and the JSON. */
export function caseId({ members, events, delivery }: BenchCase): string {
  return `${members}x${events}-${delivery}`;
}

/** Every combination, largest last, so a slow case cannot hold up the smaller ones. */
export function benchCases(quick: boolean): BenchCase[] {
  const memberCounts = quick ? [100, 1_000] : [100, 1_000, 10_000];
  const eventCounts = quick ? [100] : [100, 1_000];
  const cases: BenchCase[] = [];
  for (const members of memberCounts) {
    for (const events of eventCounts) {
      for (const delivery of ['task', 'frame'] as const) cases.push({ members, events, delivery });
    }
  }
  return cases;
}

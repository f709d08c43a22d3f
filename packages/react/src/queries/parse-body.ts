/** A metric Ably reports as a count; anything else reads as 0, as `@ably/chat` parses occupancy. */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** A JSON object from a response body, or an empty one for anything else (so reads never throw). */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

import { AblyError, ErrorCode } from '../protocol/errors.js';
import type { StoredMessage } from './message-history.js';

/** Ably replays at most 100 messages on attach, whatever the rewind asked for. */
export const MAX_REWIND_MESSAGES = 100;

/** What `rewind` asks for: a number of messages (`rewind=5`) or a time window (`rewind=30s`, `rewind=2m`). */
export type RewindSpec = { count: number } | { windowMs: number };

export function parseRewind(value: string): RewindSpec {
  const count = /^\d+$/.exec(value);
  if (count) return { count: Math.min(Number(value), MAX_REWIND_MESSAGES) };
  const time = /^(\d+)(s|m)$/.exec(value);
  if (time) return { windowMs: Number(time[1]) * (time[2] === 'm' ? 60_000 : 1_000) };
  throw new AblyError(
    ErrorCode.InvalidParameterValue,
    400,
    `Invalid channel param rewind="${value}": use a number of messages (rewind=10) or a time (rewind=30s, rewind=2m)`,
  );
}

/** The messages a rewind replays, oldest first. */
export function rewindMessages(list: readonly StoredMessage[], spec: RewindSpec, now = Date.now()): StoredMessage[] {
  if ('count' in spec) return spec.count === 0 ? [] : list.slice(-spec.count);
  const since = now - spec.windowMs;
  let start = list.length;
  while (start > 0 && (list[start - 1]?.timestamp ?? 0) >= since) start--;
  return list.slice(Math.max(start, list.length - MAX_REWIND_MESSAGES));
}

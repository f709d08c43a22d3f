import type { RoomOptions } from '@ably/chat';
import type { LocalAblyOptions } from '@presence-kit/local-ably';
import type * as Ably from 'ably';

/** Everyone meets in one room, so every fault on one client is seen by every other observer. */
export const CHAOS_ROOM = 'chaos-room';

/** Occupancy events on, so every observer holds live occupancy to compare with the server's. */
export const CHAOS_ROOM_OPTIONS: RoomOptions = { occupancy: { enableEvents: true } };

/**
 * Short server timers (as the other tests use) so one fault cycle settles in about a second: members of a
 * dropped connection leave after 150 ms, its state goes after 500 ms; keep-alives every 60 ms against a 200 ms
 * `maxIdleInterval`, so a stalled or half-open socket is noticed within about a second.
 */
export const serverTimings: LocalAblyOptions = {
  presenceLeaveDelayMs: 150,
  connectionStateTtlMs: 500,
  occupancyDebounceMs: 0,
  maxIdleIntervalMs: 200,
  keepAliveIntervalMs: 60,
  // A peer silent for 200 + 300 ms (no frame, no pong) is cut by the server: half-open peers are noticed by the
  // server before their own SDK notices (after 200 + 600 ms), so both ends' detection is exercised.
  idleGraceMs: 300,
};

/**
 * Client timers to match: the SDK notices silence after `maxIdleInterval + realtimeRequestTimeout` and retries a
 * refused or failed connection after 150 ms instead of 15 s. The request timeout stays generous enough for a loaded
 * two-core machine. `channelRetryTimeout` (how soon a suspended channel attaches again) is a real ably-js option
 * that its types leave out.
 */
export const clientTimings: Partial<Ably.ClientOptions> & { channelRetryTimeout: number } = {
  realtimeRequestTimeout: 600,
  disconnectedRetryTimeout: 150,
  suspendedRetryTimeout: 300,
  channelRetryTimeout: 300,
};

/** How long, at most, everything may take to become quiet and agree after a cycle's faults. */
export const QUIET_TIMEOUT_MS = 20_000;

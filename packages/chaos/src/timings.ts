import type { RoomOptions } from '@ably/chat';
import type { LocalAblyOptions } from '@presence-kit/local-ably';
import type * as Ably from 'ably';

/** Everyone meets in one room, so every fault on one client is seen by every other observer. */
export const CHAOS_ROOM = 'chaos-room';

/** Occupancy events on, so every observer holds live occupancy to compare with the server's. */
export const CHAOS_ROOM_OPTIONS: RoomOptions = { occupancy: { enableEvents: true } };

/**
 * Short server timers (as the other tests use) so a fault cycle settles in about a second: members of a dropped
 * connection leave after 200 ms; its state is kept 2 s (the SDK suspends only after that long without a connection);
 * keep-alives every 100 ms against a 300 ms `maxIdleInterval`.
 */
export const serverTimings: LocalAblyOptions = {
  presenceLeaveDelayMs: 200,
  connectionStateTtlMs: 2_000,
  occupancyDebounceMs: 0,
  maxIdleIntervalMs: 300,
  keepAliveIntervalMs: 100,
  // A peer silent for 300 + 1,000 ms (no frame, no pong) is cut by the server: how long a half-open peer lasts. It was
  // 2 s while the server shared one event loop with the clients (a starved loop cut healthy clients, everyone
  // reconnected at once, and every client ended suspended); the server now runs in its own process (ServerProcess),
  // so only a client process starved for over a second can miss its pongs, and that is one more drop it resumes from.
  idleGraceMs: 1_000,
};

/**
 * Client timers to match: the SDK notices silence after `maxIdleInterval + realtimeRequestTimeout` (1.3 s: how long a
 * stall or a half-open socket lasts) and retries a refused or failed connection after 150 ms instead of 15 s. The
 * request timeout was 2 s while the server shared the clients' event loop: with 1 s, 24 clients reconnecting at once
 * after a restart at load 18 kept timing out their own handshakes (a server that could not answer in time) and
 * retrying until every one was suspended. With the server in its own process it answers at once.
 * `channelRetryTimeout` (how soon a suspended channel attaches again) is a real ably-js option that its types leave out.
 */
export const clientTimings: Partial<Ably.ClientOptions> & { channelRetryTimeout: number } = {
  realtimeRequestTimeout: 1_000,
  disconnectedRetryTimeout: 150,
  suspendedRetryTimeout: 300,
  channelRetryTimeout: 300,
};

/** How long, at most, everything may take to become quiet and agree after a cycle's faults. */
export const QUIET_TIMEOUT_MS = 30_000;

/** Pause between two polls of the quiet phase (each poll reads every client and the server). */
export const POLL_INTERVAL_MS = 25;

/**
 * How often the quiet phase asks Node clients to re-send presence calls that failed in a fault (and to check their
 * own member; two checks in a row must see it wrong before a correction, see `NodeChaosClient.retryFailed`).
 */
export const RETRY_INTERVAL_MS = 100;

import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, startHarness } from './support/harness.js';

/** Bugs the chaos run (packages/chaos, `pnpm test:chaos`) found in local-ably, reduced to the real SDK. */
describe('chaos regressions', () => {
  it('CHAOS_SEED=20261130: a client that missed occupancy events while stalled gets the current counts when it re-attaches', async () => {
    const h = await startHarness({ maxIdleIntervalMs: 400, keepAliveIntervalMs: 150, presenceLeaveDelayMs: 5_000 });
    const observer = h.realtime('observer', { realtimeRequestTimeout: 800 });
    const channel = observer.channels.get('hall', { params: { occupancy: 'metrics' } });
    const seen: Array<Record<string, number>> = [];
    await channel.subscribe('[meta]occupancy', (message: Ably.InboundMessage) => {
      seen.push((message.data as { metrics: Record<string, number> }).metrics);
    });
    await eventually(() => expect(seen.at(-1)?.connections).toBe(1));
    const resumed: boolean[] = [];
    channel.on('attached', (change) => resumed.push(change.resumed));

    // While the observer hears nothing, someone enters: the event sent to it is lost with the stalled socket.
    h.server.faults.stall(observer.connection.id!);
    await h.realtime('bob').channels.get('hall').presence.enter();

    await eventually(() => expect(resumed).toEqual([true]), 8_000);
    await eventually(() => expect(seen.at(-1)).toMatchObject({ connections: 2, presenceMembers: 1 }));
  });
});

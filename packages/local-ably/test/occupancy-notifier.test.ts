import { describe, expect, it } from 'vitest';
import { Action, PresenceAction } from '../src/protocol/actions.js';
import type { ProtocolMessage } from '../src/protocol/types.js';
import { eventually, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

/** The `[meta]occupancy` MESSAGE frames a socket received on `channel`. */
const occupancyFrames = (socket: RawSocket, channel: string): ProtocolMessage[] =>
  socket.frames.filter(
    (frame) =>
      frame.action === Action.MESSAGE && frame.channel === channel && frame.messages?.[0]?.name === '[meta]occupancy',
  );

const metricsOf = (frame: ProtocolMessage) => (frame.messages![0]!.data as { metrics: Record<string, number> }).metrics;

/** Enters `clientId` (an anonymous key may enter anyone) and waits for the ACK. */
async function enter(socket: RawSocket, channel: string, clientId: string, msgSerial: number): Promise<void> {
  const from = socket.frames.length;
  socket.send({ action: Action.PRESENCE, channel, msgSerial, presence: [{ action: PresenceAction.ENTER, clientId }] });
  await socket.next((frame) => frame.action === Action.ACK && frame.msgSerial === msgSerial, from);
}

describe('occupancy events on the wire', () => {
  it('one frame per selection and change: listeners with the same selection share it, others get their own', async () => {
    const h = await startHarness();
    const all1 = await RawSocket.connect(h.server);
    const all2 = await RawSocket.connect(h.server);
    const members = await RawSocket.connect(h.server);
    const quiet = await RawSocket.connect(h.server);
    await all1.attach('hall', { params: { occupancy: 'metrics' } });
    await all2.attach('hall', { params: { occupancy: 'metrics' } });
    await members.attach('hall', { params: { occupancy: 'metrics.presenceMembers' } });
    await quiet.attach('hall');
    await enter(quiet, 'hall', 'alice', 0);
    // The frame that told each listener of alice.
    const [a, b, m] = await eventually(() =>
      [all1, all2, members].map((socket) => {
        const frame = occupancyFrames(socket, 'hall').find((candidate) => metricsOf(candidate).presenceMembers === 1);
        expect(frame).toBeDefined();
        return frame!;
      }),
    );
    expect(a!.id).toBe(b!.id);
    expect(a!.id).not.toBe(m!.id);
    expect(a!.id).toMatch(/^occupancy-[0-9a-z]+$/);
    expect(a!.messages![0]!.id).toBe(`${a!.id}:0`);
    expect(a!.messages![0]!.timestamp).toBe(a!.timestamp);
    expect(metricsOf(a!)).toEqual({
      connections: 4,
      publishers: 4,
      subscribers: 4,
      presenceConnections: 4,
      presenceMembers: 1,
      presenceSubscribers: 4,
      objectPublishers: 0,
      objectSubscribers: 0,
    });
    expect(metricsOf(m!)).toStrictEqual({ presenceMembers: 1 });
    expect(occupancyFrames(quiet, 'hall')).toEqual([]);
  });

  it('a change outside an attachment’s selection sends it nothing', async () => {
    const h = await startHarness();
    const members = await RawSocket.connect(h.server);
    const connections = await RawSocket.connect(h.server);
    await members.attach('hall', { params: { occupancy: 'metrics.presenceMembers' } });
    await connections.attach('hall', { params: { occupancy: 'metrics.connections' } });
    await eventually(() => expect(metricsOf(occupancyFrames(connections, 'hall').at(-1)!)).toEqual({ connections: 2 }));
    const before = occupancyFrames(connections, 'hall').length;
    await enter(members, 'hall', 'alice', 0);
    await eventually(() => expect(metricsOf(occupancyFrames(members, 'hall').at(-1)!)).toEqual({ presenceMembers: 1 }));
    // A third connection changes connections: that event is the next one the connections listener gets.
    const third = await RawSocket.connect(h.server);
    await third.attach('hall');
    await eventually(() => expect(metricsOf(occupancyFrames(connections, 'hall').at(-1)!)).toEqual({ connections: 3 }));
    expect(occupancyFrames(connections, 'hall').slice(before).map(metricsOf)).toEqual([{ connections: 3 }]);
  });

  it('every attach gets the current counts at once, even when they did not change since its last event', async () => {
    const h = await startHarness();
    const viewer = await RawSocket.connect(h.server);
    await viewer.attach('hall', { params: { occupancy: 'metrics.presenceMembers' } });
    await eventually(() => expect(occupancyFrames(viewer, 'hall')).toHaveLength(1));
    const from = viewer.frames.length;
    viewer.send({ action: Action.DETACH, channel: 'hall' });
    await viewer.next((frame) => frame.action === Action.DETACHED, from);
    await viewer.attach('hall', { params: { occupancy: 'metrics.presenceMembers' } });
    await eventually(() => expect(occupancyFrames(viewer, 'hall')).toHaveLength(2));
    expect(occupancyFrames(viewer, 'hall').map(metricsOf)).toEqual([{ presenceMembers: 0 }, { presenceMembers: 0 }]);
  });

  it('the channel is freed once its last attachment leaves and the occupancy update has gone out', async () => {
    const h = await startHarness({ occupancyDebounceMs: 50 });
    const viewer = await RawSocket.connect(h.server);
    const other = await RawSocket.connect(h.server);
    await viewer.attach('hall', { params: { occupancy: 'metrics.connections' } });
    await other.attach('hall');
    await eventually(() => expect(metricsOf(occupancyFrames(viewer, 'hall').at(-1)!)).toEqual({ connections: 2 }));
    other.send({ action: Action.DETACH, channel: 'hall' });
    await eventually(() => expect(metricsOf(occupancyFrames(viewer, 'hall').at(-1)!)).toEqual({ connections: 1 }));
    expect(h.server.stats().channels).toBe(1);
    viewer.send({ action: Action.DETACH, channel: 'hall' });
    await eventually(() => expect(h.server.stats().channels).toBe(0));
  });

  it('an ATTACH of an attached channel is answered with the current counts again, though nothing changed', async () => {
    const h = await startHarness();
    const viewer = await RawSocket.connect(h.server);
    await viewer.attach('hall', { params: { occupancy: 'metrics.connections' } });
    await eventually(() => expect(occupancyFrames(viewer, 'hall')).toHaveLength(1));
    await viewer.attach('hall', { params: { occupancy: 'metrics.connections' } });
    await eventually(() => expect(occupancyFrames(viewer, 'hall')).toHaveLength(2));
    expect(occupancyFrames(viewer, 'hall').map(metricsOf)).toEqual([{ connections: 1 }, { connections: 1 }]);
    // Without the occupancy param, a re-attach brings no occupancy event.
    const quiet = await RawSocket.connect(h.server);
    await quiet.attach('hall');
    await quiet.attach('hall');
    await eventually(() => expect(occupancyFrames(viewer, 'hall').map(metricsOf).at(-1)).toEqual({ connections: 2 }));
    expect(occupancyFrames(quiet, 'hall')).toEqual([]);
  });
});

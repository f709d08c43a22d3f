import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { createJwt } from '../src/index.js';
import { eventually, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

describe('realtime messages', () => {
  it('publishes on a channel the publisher never attached (as Ably allows), within its capability', async () => {
    const h = await startHarness();
    const subscriber = h.realtime('subscriber').channels.get('news');
    const received: string[] = [];
    await subscriber.subscribe((message: Ably.InboundMessage) => received.push(String(message.data)));
    const publisher = h.realtime('publisher').channels.get('news');
    await publisher.publish('headline', 'unattached');
    expect(publisher.state).toBe('initialized');
    await eventually(() => expect(received).toEqual(['unattached']));

    const token = createJwt({ key: h.server.key, clientId: 'reader', capability: { news: ['subscribe'] } });
    const reader = h.realtime(undefined, { key: undefined, token }).channels.get('news');
    await expect(reader.publish('headline', 'nope')).rejects.toMatchObject({ code: 40160 });
    // Refused publishes to channels nobody attached leave nothing behind.
    const raw = await RawSocket.connect(h.server, { clientId: 'raw' });
    raw.send({
      action: 15,
      channel: 'never-attached',
      msgSerial: 0,
      messages: [{ name: 'big', data: 'x'.repeat(70_000) }],
    });
    expect(await raw.next((frame) => frame.action === 2)).toMatchObject({ msgSerial: 0, error: { code: 40009 } });
    raw.close();
    expect(received).toEqual(['unattached']);
    await eventually(() => expect(h.server.stats().channels).toBe(1));
  });
});

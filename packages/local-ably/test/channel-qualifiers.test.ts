import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { createJwt } from '../src/index.js';
import { eventually, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

describe('channel qualifiers: [?params]name is the channel name', () => {
  it('[?rewind=N]room shares members and messages with room, replays the last N, and * capabilities allow it', async () => {
    const h = await startHarness();
    const publisher = h.realtime('publisher');
    const room = publisher.channels.get('room');
    await room.presence.enter('here');
    for (const text of ['one', 'two', 'three']) await room.publish('note', text);

    const token = createJwt({ key: h.server.key, clientId: 'reader', capability: { '*': ['subscribe', 'presence'] } });
    const reader = h.realtime(undefined, { key: undefined, token });
    const rewound = reader.channels.get('[?rewind=2]room');
    const seen: string[] = [];
    await rewound.subscribe((message: Ably.InboundMessage) => seen.push(String(message.data)));
    await eventually(() => expect(seen).toEqual(['two', 'three']));
    expect((await rewound.presence.get()).map((member) => member.clientId)).toEqual(['publisher']);
    await room.publish('note', 'four');
    await eventually(() => expect(seen).toEqual(['two', 'three', 'four']));
    await rewound.presence.enter();
    await eventually(async () =>
      expect((await room.presence.get()).map((member) => member.clientId).sort()).toEqual(['publisher', 'reader']),
    );
    expect(h.server.inspect.channelList().map((channel) => channel.name)).toEqual(['room']);
    const rest = h.rest();
    const viaRest = await rest.channels.get('[?rewind=1]room').presence.get();
    expect(viaRest.items.map((member) => member.clientId).sort()).toEqual(['publisher', 'reader']);

    // rewind as a channel param works the same; a time window replays what is recent enough.
    const byParam = h.realtime('p').channels.get('room', { params: { rewind: '1' } });
    const byTime = h.realtime('t').channels.get('[?rewind=1m]room');
    const fromParam: string[] = [];
    const fromTime: string[] = [];
    await byParam.subscribe((message: Ably.InboundMessage) => fromParam.push(String(message.data)));
    await byTime.subscribe((message: Ably.InboundMessage) => fromTime.push(String(message.data)));
    await eventually(() => expect(fromParam).toEqual(['four']));
    await eventually(() => expect(fromTime).toEqual(['one', 'two', 'three', 'four']));

    await rewound.detach();
    await eventually(async () =>
      expect((await room.presence.get()).map((member) => member.clientId)).toEqual(['publisher']),
    );
  });

  it('answers on the qualified name and rejects a bad rewind with a channel error (raw frames)', async () => {
    const h = await startHarness();
    const raw = await RawSocket.connect(h.server, { clientId: 'raw' });
    const attached = await raw.attach('[?delta=vcdiff&rewind=0]q');
    expect(attached).toMatchObject({ action: 11, channel: '[?delta=vcdiff&rewind=0]q' });
    const bad = await raw.attach('[?rewind=soon]q');
    expect(bad).toMatchObject({ action: 9, channel: '[?rewind=soon]q', error: { code: 40003 } });
    raw.close();
  });
});

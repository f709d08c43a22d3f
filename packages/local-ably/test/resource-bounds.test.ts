import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { eventually, startHarness } from './support/harness.js';
import { RawSocket } from './support/raw-socket.js';

function capturingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { info() {}, warn: (line: string) => warnings.push(line) } };
}

describe('resource bounds', () => {
  it('cuts a client that stops reading once its unsent bytes pass maxBufferedBytes; others keep every message', async () => {
    const { warnings, logger } = capturingLogger();
    const h = await startHarness({ maxBufferedBytes: 256 * 1024, logger });
    const slow = await RawSocket.connect(h.server, { clientId: 'slow' });
    await slow.attach('feed');
    slow.send({ action: 14, channel: 'feed', msgSerial: 0, presence: [{ action: 2 }] });
    await slow.next((frame) => frame.action === 1);
    slow.ws.pause(); // never reads again: the server's send buffer for it can only grow

    const fast = h.realtime('fast');
    const received: number[] = [];
    const left: string[] = [];
    const feed = fast.channels.get('feed');
    await feed.subscribe((message: Ably.InboundMessage) => received.push(Number(message.name)));
    await feed.presence.subscribe('leave', (member) => left.push(member.clientId ?? ''));
    const publisher = h.realtime('publisher').channels.get('feed');
    await publisher.attach();
    const payload = 'x'.repeat(60_000);
    let published = 0;
    // Loopback kernel buffers hold a few MB before the server's own buffer grows; 40 MB is far past both.
    while (warnings.length === 0 && published < 700) await publisher.publish(String(published++), payload);

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/dropped connection \S+ \(clientId slow\): the client stopped reading: \d+ bytes/);
    await eventually(() => expect(received).toHaveLength(published));
    expect(received).toEqual(Array.from({ length: published }, (_, index) => index));
    // It is an abrupt drop, like a network failure: the member leaves after the leave delay.
    await eventually(() => expect(left).toEqual(['slow']));
    expect(h.server.inspect.connectionList().find((c) => c.clientId === 'slow')?.lastFailure).toMatch(
      /stopped reading/,
    );
    slow.close();
  });

  it('closes a half-open peer that stays silent past maxIdleInterval + idleGraceMs; its member then leaves', async () => {
    const { warnings, logger } = capturingLogger();
    const h = await startHarness({ maxIdleIntervalMs: 400, idleGraceMs: 200, presenceLeaveDelayMs: 300, logger });
    const observer = h.realtime('observer', { realtimeRequestTimeout: 30_000 });
    const events: string[] = [];
    await observer.channels
      .get('room')
      .presence.subscribe((member) => events.push(`${member.action}:${member.clientId}`));
    const dead = await RawSocket.connect(h.server, { clientId: 'dead', autoPong: false });
    const quiet = await RawSocket.connect(h.server, { clientId: 'quiet' }); // silent too, but answers pings
    for (const [index, raw] of [dead, quiet].entries()) {
      await raw.attach('room');
      raw.send({ action: 14, channel: 'room', msgSerial: 0, presence: [{ action: 2, data: index }] });
    }
    await eventually(() => expect(events.sort()).toEqual(['enter:dead', 'enter:quiet']));
    const silentSince = Date.now();
    await eventually(() => expect(events).toContain('leave:dead'), 5_000);
    const leftAfter = Date.now() - silentSince;
    // 600 ms of silence allowed, then the 300 ms leave delay; never before, and long before TCP would notice.
    expect(leftAfter).toBeGreaterThanOrEqual(600 + 300 - 50);
    expect(warnings.join('\n')).toMatch(/clientId dead\): the client was silent for \d+ ms/);
    expect(events).not.toContain('leave:quiet');
    expect(quiet.isOpen).toBe(true);
    dead.close();
    quiet.close();
  });

  it('forgets a socket the client closed: no liveness check outlives it to blame the resumed connection', async () => {
    const { warnings, logger } = capturingLogger();
    const h = await startHarness({ maxIdleIntervalMs: 300, idleGraceMs: 200, keepAliveIntervalMs: 100, logger });
    const first = await RawSocket.connect(h.server, { clientId: 'erin' });
    first.close(); // the client drops its socket; the server only sees it close
    const resumed = await RawSocket.connect(h.server, { clientId: 'erin', resume: first.connectionKey });
    expect(resumed.connectionId).toBe(first.connectionId);
    // Well past the 500 ms allowance: the old socket's timers, had they kept running, would have called it silent.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(warnings).toEqual([]);
    expect(resumed.isOpen).toBe(true);
    expect(h.server.inspect.connectionList().find((c) => c.id === first.connectionId)?.lastFailure).toBeUndefined();
    resumed.close();
  });
});

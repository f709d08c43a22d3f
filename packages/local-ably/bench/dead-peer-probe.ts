/**
 * How long a half-open peer keeps its presence member with the default bounds (`npx tsx bench/dead-peer-probe.ts`).
 * Prints one number; it is not a test. The peer enters, then never sends or answers anything again.
 */
import * as Ably from 'ably';
import WebSocket from 'ws';
import { startLocalAbly } from '../src/index.js';

const server = await startLocalAbly({ port: 0 });
const observer = new Ably.Realtime({ ...server.clientOptions('observer'), logLevel: 0 });
const left = new Promise<number>((resolve) => {
  void observer.channels.get('room').presence.subscribe('leave', () => resolve(Date.now()));
});
await observer.channels.get('room').attach();
const query = new URLSearchParams({ key: server.key, clientId: 'dead', format: 'json', v: '6', heartbeats: 'false' });
const dead = new WebSocket(`ws://${server.host}:${server.port}/?${query}`, { autoPong: false });
await new Promise((resolve) => dead.once('message', resolve));
dead.send(JSON.stringify({ action: 10, channel: 'room' }));
await new Promise((resolve) => dead.once('message', resolve));
dead.send(JSON.stringify({ action: 14, channel: 'room', msgSerial: 0, presence: [{ action: 2 }] }));
const silentSince = Date.now();
console.log(
  `member gone ${((await left) - silentSince) / 1000} s after the peer went silent (defaults: 15 s idle + 10 s grace + 15 s leave delay)`,
);
dead.terminate();
observer.close();
await server.close();

import { ChatClient, LogLevel } from '@ably/chat';
import { chatChannelName, startLocalAbly } from '@presence-kit/local-ably';
import * as Ably from 'ably';
import { clientTimings, serverTimings } from './src/timings.js';

const server = await startLocalAbly({ port: 0, ...serverTimings });
const delay = Number(process.argv[2] ?? 50);
const rt = new Ably.Realtime({
  ...server.clientOptions('a'),
  logLevel: Number(process.env.LOGL ?? 0),
  ...clientTimings,
  logHandler: (m: string) => {
    if (/presence|Presence|ATTACH|queue|Queue|CONNECTED|ACK|NACK/.test(m))
      console.log(Date.now() % 100000, m.slice(0, 260));
  },
} as Ably.ClientOptions);
const chat = new ChatClient(rt, { logLevel: LogLevel.Silent });
const room = await chat.rooms.get('r', { occupancy: { enableEvents: true } });
await room.attach();
await room.presence.enter({ n: 1 });
console.log('entered', rt.connection.id);
server.faults.restart({ keepState: true, downMs: 150 });
await new Promise((r) => setTimeout(r, delay));
console.log('state at leave', rt.connection.state, room.channel.state, Date.now() % 100000);
await room.presence.leave().then(
  () => console.log('leave ok', Date.now() % 100000),
  (e) => console.log('leave failed', e.code),
);
await new Promise((r) => setTimeout(r, 1500));
console.log(
  JSON.stringify(server.inspect.members(chatChannelName('r')).members.map((m) => [m.connectionId, m.data])),
  rt.connection.id,
);
rt.close();
await server.close();

/**
 * The chaos run's browser participant: a real `ably` + `@ably/chat` client in Chromium with the kit's provider, room
 * scope and hooks. The Node driver calls `window.chaos` through playwright-core and reads what the hooks rendered.
 */
import { ChatClient, LogLevel } from '@ably/chat';
import { PresenceKitProvider, PresenceRoom, type UsePresenceResult } from '@presence-kit/react';
import * as Ably from 'ably';
import { createRoot, type Root } from 'react-dom/client';
import { grownListeners, listenerCounts } from '../listener-count.js';
import type { ObserverView } from '../observer-view.js';
import { CHAOS_ROOM_OPTIONS, clientTimings } from '../timings.js';
import { ComponentsView } from './components-view.js';
import { CountingErrorBoundary } from './error-boundary.js';
import type { ChaosPageApi } from './page-api.js';
import { createIntentStore, Participant } from './participant.js';
import { RoomView } from './room-view.js';

const problems: string[] = [];
window.addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${String(event.reason)}`));
window.addEventListener('error', (event) => problems.push(`uncaught error: ${event.message}`));

const intents = createIntentStore();
const latest: { current?: UsePresenceResult } = {};
let realtime: Ably.Realtime | undefined;
let chat: ChatClient | undefined;
let root: Root | undefined;
let clientId = '';
let unmountedBaseline: Record<string, number> = {};

// A rejected enter/update/leave is the kit reporting a fault (e.g. 104003 while the room re-attaches); the run checks
// that presence still ends up right without the page retrying anything, so the rejection itself is not a failure.
const onRejected = () => {};

/** The number a `<ViewerCount data-chaos-count={which}>` shows, from its machine-readable `<data value>`. */
function shownCount(which: string): number | undefined {
  const value = document.querySelector(`[data-chaos-count="${which}"] data`)?.getAttribute('value');
  return value === null || value === undefined ? undefined : Number(value);
}

const api: ChaosPageApi = {
  async start(options) {
    clientId = options.clientId;
    realtime = new Ably.Realtime({
      endpoint: '127.0.0.1',
      port: options.port,
      tls: false,
      clientId,
      transports: ['web_socket'],
      logLevel: 0,
      authCallback: (_params, callback) => {
        window.chaosMintToken().then(
          (details) => callback(null, details as Ably.TokenDetails),
          (error: unknown) => callback(String(error), null),
        );
      },
      ...clientTimings,
    });
    chat = new ChatClient(realtime, { logLevel: LogLevel.Silent });
    unmountedBaseline = listenerCounts({ connection: realtime.connection, chatConnection: chat.connection });
    const container = document.getElementById('root');
    if (!container) throw new Error('chaos page: #root is missing');
    root = createRoot(container);
    root.render(
      <CountingErrorBoundary onError={(error) => problems.push(`error boundary hit: ${String(error)}`)}>
        <PresenceKitProvider client={chat}>
          <PresenceRoom name={options.room} options={CHAOS_ROOM_OPTIONS}>
            <Participant intents={intents} latest={latest} onRejected={onRejected} />
            <RoomView />
            <ComponentsView />
          </PresenceRoom>
        </PresenceKitProvider>
      </CountingErrorBoundary>,
    );
  },
  setPresence(intent) {
    intents.set(intent);
  },
  burst(datas) {
    // Every update is handed to the kit at once; it coalesces them and must still end with the last one.
    for (const data of datas) latest.current?.update(data).catch(onRejected);
    const last = datas[datas.length - 1];
    if (last) intents.set({ present: true, data: last });
  },
  status() {
    const section = document.querySelector('[data-room-status]');
    return {
      connectionId: realtime?.connection.id,
      connection: realtime?.connection.state ?? 'none',
      room: section?.getAttribute('data-room-status') ?? 'none',
    };
  },
  view(): ObserverView {
    const all = (selector: string) => [...document.querySelectorAll(selector)];
    const people = all('[data-person]').map((li) => li.getAttribute('data-person') ?? '');
    const occupancy = document.querySelector('[data-occupancy]')?.getAttribute('data-occupancy') ?? '';
    const self = document.querySelector('[data-self]')?.getAttribute('data-self') ?? '';
    return {
      members: all('li[data-connection-id]').map((li) => ({
        clientId: li.getAttribute('data-client-id') ?? '',
        connectionId: li.getAttribute('data-connection-id') ?? '',
        data: li.getAttribute('data-data') ?? '',
      })),
      people: people.map((entry) => entry.slice(0, entry.lastIndexOf('='))),
      connectionsPerPerson: Object.fromEntries(
        people.map((entry) => [
          entry.slice(0, entry.lastIndexOf('=')),
          Number(entry.slice(entry.lastIndexOf('=') + 1)),
        ]),
      ),
      others: all('[data-other]').map((li) => li.getAttribute('data-other') ?? ''),
      self: self ? [self] : [],
      occupancy: occupancy ? JSON.parse(occupancy) : undefined,
      isSynced: document.querySelector('[data-synced]')?.getAttribute('data-synced') === 'true',
      components: {
        onlineList: all('.pk-online-list__person .pk-name').map((name) => name.textContent ?? ''),
        peopleCount: shownCount('people'),
        connectionsCount: shownCount('connections'),
      },
    };
  },
  problems() {
    return [...problems];
  },
  async close() {
    root?.unmount();
    // The kit lets the room go a tick after the last component unmounts, then releases it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const left =
      realtime && chat
        ? grownListeners(
            unmountedBaseline,
            listenerCounts({ connection: realtime.connection, chatConnection: chat.connection }),
          )
        : [];
    realtime?.close();
    return left.map((line) => `${clientId}: listeners left after unmounting the kit: ${line}`);
  },
};

window.chaos = api;

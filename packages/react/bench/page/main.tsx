/**
 * The bench page. Playwright drives it through `window.bench`: mount one side, wait for the populated list, arm,
 * let the Node driver send the burst, read the results. Bundled for the browser with production React; `react-dom/client`
 * is aliased to `react-dom/profiling` so `<Profiler onRender>` reports commits.
 */

import { ChatClient, LogLevel, type RoomOptions } from '@ably/chat';
import * as Ably from 'ably';
import { Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { AblyChatSide } from './ably-chat-side.js';
import type { BenchApi, MountOptions, Side } from './bench-api.js';
import { scroll, showList } from './list-timing.js';
import { OnlineListSide } from './online-list-side.js';
import { OurSide } from './our-side.js';
import { Probe } from './probe.js';
import { mountSdkOnly } from './sdk-only.js';
import { UiKitSide } from './ui-kit-side.js';

/** The same room options for both sides, as a module constant so `ChatRoomProvider` never sees a new object. */
const ROOM_OPTIONS: RoomOptions = { occupancy: { enableEvents: true } };

let probe = new Probe();

const bench: BenchApi = {
  async mount(side: Side, { clientOptions, room, ourList = 'selective', listHidden = false }: MountOptions) {
    probe = new Probe();
    const realtime = new Ably.Realtime({ ...clientOptions, transports: ['web_socket'] });
    const client = new ChatClient(realtime, { logLevel: LogLevel.Error });
    if (side === 'sdk-only') return mountSdkOnly(client, room, ROOM_OPTIONS, probe);
    if (side === 'ui-kit') await loadUiKitStyles();
    const container = document.getElementById('root');
    if (!container) throw new Error('bench page: #root is missing');
    createRoot(container).render(
      <Profiler id={side} onRender={probe.onRender}>
        {side === 'online-list' ? (
          <OnlineListSide
            client={client}
            room={room}
            options={ROOM_OPTIONS}
            probe={probe}
            initiallyShown={!listHidden}
          />
        ) : side === 'ours' ? (
          <OurSide client={client} room={room} options={ROOM_OPTIONS} probe={probe} list={ourList} />
        ) : side === 'ui-kit' ? (
          <UiKitSide client={client} room={room} options={ROOM_OPTIONS} probe={probe} />
        ) : (
          <AblyChatSide client={client} room={room} options={ROOM_OPTIONS} probe={probe} />
        )}
      </Profiler>,
    );
    await new Promise<void>((resolve) => {
      const check = () => (probe.commits > 0 ? resolve() : setTimeout(check, 10));
      check();
    });
  },
  state: () => ({ members: probe.members, commits: probe.commits }),
  arm: (options) => probe.arm(options),
  whenFinal: (capMs) => probe.whenFinal(capMs),
  results: () => probe.results(),
  showList,
  scroll,
};

/** The UI kit's own stylesheet (`page-server.ts` serves it), only on its page: it styles its rows as a user gets them. */
function loadUiKitStyles(): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/ui-kit.css';
  const loaded = new Promise<void>((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = () => reject(new Error('bench page: /ui-kit.css did not load'));
  });
  document.head.append(link);
  return loaded;
}

window.bench = bench;

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

/** The same room options for both sides, as a module constant so `ChatRoomProvider` never sees a new object. */
const ROOM_OPTIONS: RoomOptions = { occupancy: { enableEvents: true } };

let probe = new Probe();

const bench: BenchApi = {
  async mount(side: Side, { clientOptions, room, ourList = 'selective', listHidden = false }: MountOptions) {
    probe = new Probe();
    const realtime = new Ably.Realtime({ ...clientOptions, transports: ['web_socket'] });
    const client = new ChatClient(realtime, { logLevel: LogLevel.Error });
    if (side === 'sdk-only') return mountSdkOnly(client, room, ROOM_OPTIONS, probe);
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

window.bench = bench;

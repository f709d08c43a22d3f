import { ChatClient, LogLevel, type Room, type RoomOptions } from '@ably/chat';
import { type LocalAbly, type LocalAblyOptions, startLocalAbly } from '@presence-kit/local-ably';
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, type RenderResult, render } from '@testing-library/react';
import * as Ably from 'ably';
import { type ReactNode, StrictMode } from 'react';
import { afterEach } from 'vitest';
import { PresenceKitProvider } from '../../src/provider/presence-kit-provider.js';
import type { FrameScheduler } from '../../src/store/frame-scheduler.js';

/** Short server timers, so drops and leaves take milliseconds. */
export const KIT_SERVER_OPTIONS: LocalAblyOptions = { port: 0, occupancyDebounceMs: 0, presenceLeaveDelayMs: 300 };

export interface RenderWithKitOptions {
  /** The provider's client; omit it to render with no provider at all (for misuse tests). */
  client?: ChatClient;
  scheduler?: FrameScheduler;
  queryClient?: QueryClient;
  /** Wrap in `<StrictMode>` (double render, double effects). */
  strict?: boolean;
}

export interface Kit {
  server: LocalAbly;
  /** A real ChatClient on its own Realtime connection to the server; closed after the test. */
  chat(clientId: string, options?: Partial<Ably.ClientOptions>): ChatClient;
  /** An attached room for a plain (non-React) client, e.g. an observer or another user. */
  room(client: ChatClient, name: string, options?: RoomOptions): Promise<Room>;
  /** Renders `ui` inside `<PresenceKitProvider>`; the one render helper every test uses. */
  renderWithKit(ui: ReactNode, options: RenderWithKitOptions): RenderResult & { rerenderWithKit(ui: ReactNode): void };
}

const cleanups: Array<() => Promise<void>> = [];

/** Starts a local-ably for the current test; everything is torn down after it. */
export async function startKit(serverOptions: LocalAblyOptions = {}): Promise<Kit> {
  const server = await startLocalAbly({ ...KIT_SERVER_OPTIONS, ...serverOptions });
  const realtimes: Ably.Realtime[] = [];
  cleanups.push(async () => {
    cleanup();
    for (const realtime of realtimes) realtime.close();
    await server.close();
  });
  const wrap = (ui: ReactNode, options: RenderWithKitOptions) => {
    const tree = !options.client ? (
      ui
    ) : (
      <PresenceKitProvider client={options.client} scheduler={options.scheduler} queryClient={options.queryClient}>
        {ui}
      </PresenceKitProvider>
    );
    return options.strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
  return {
    server,
    chat(clientId, options = {}) {
      const realtime = new Ably.Realtime({
        ...server.clientOptions(clientId),
        logLevel: 0,
        ...options,
      } as Ably.ClientOptions);
      realtimes.push(realtime);
      return new ChatClient(realtime, { logLevel: LogLevel.Silent });
    },
    async room(client, name, options) {
      const room = await client.rooms.get(name, options);
      await room.attach();
      return room;
    },
    renderWithKit(ui, options) {
      const result = render(wrap(ui, options));
      return Object.assign(result, { rerenderWithKit: (next: ReactNode) => result.rerender(wrap(next, options)) });
    },
  };
}

afterEach(async () => {
  for (const run of cleanups.splice(0)) await run();
});

export { eventually } from '@presence-kit/test-support/eventually';

/** Counts renders of a component by name: `renders.bump('row-a')`, then `renders.get('row-a')`. */
export function createRenderCounter() {
  const counts = new Map<string, number>();
  return {
    bump(name: string) {
      counts.set(name, (counts.get(name) ?? 0) + 1);
    },
    get(name: string) {
      return counts.get(name) ?? 0;
    },
    reset() {
      counts.clear();
    },
  };
}

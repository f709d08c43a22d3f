/**
 * The script of the browser test page, bundled by esbuild for the browser (so `ably` resolves to its browser build).
 * It drives the real SDK from a page on another origin and hands plain results back to the test.
 */
import * as Ably from 'ably';

export interface BrowserCheckConfig {
  key: string;
  endpoint: string;
  port: number;
  clientId: string;
  channel: string;
  /** Short, so an idle transport (no HEARTBEAT frames) would be noticed quickly. */
  realtimeRequestTimeout: number;
}

export interface BrowserCheckResult {
  connectionId: string;
  realtimeMembers: string[];
  /** REST `presence.get()`: the members, or the error the SDK raised. */
  restPresence: { clientIds: string[]; data: unknown } | { error: { code: number; message: string } };
  occupancy: { connections: number; presenceMembers: number };
  serverTime: number;
}

export interface BrowserConnectionStatus {
  state: string;
  connectionId: string | undefined;
  states: string[];
}

let realtime: Ably.Realtime | undefined;
const states: string[] = [];

async function run(config: BrowserCheckConfig): Promise<BrowserCheckResult> {
  const base = { key: config.key, endpoint: config.endpoint, port: config.port, tls: false };
  realtime = new Ably.Realtime({
    ...base,
    clientId: config.clientId,
    transports: ['web_socket'],
    realtimeRequestTimeout: config.realtimeRequestTimeout,
  });
  realtime.connection.on((change) => states.push(change.current));
  await realtime.connection.once('connected');
  const channel = realtime.channels.get(config.channel);
  // The ACK resolves enter() before the echo of our own ENTER arrives (as on Ably), so wait for the echo too.
  const echoed = new Promise<void>((resolve) => {
    channel.presence.subscribe('enter', (message) => {
      if (message.clientId === config.clientId) resolve();
    });
  });
  await channel.presence.enter({ from: 'chromium' });
  await echoed;
  const realtimeMembers = (await channel.presence.get()).map((member) => member.clientId);

  // REST goes over fetch/XHR from this page's origin to the server's: CORS and the `envelope` body are exercised.
  const rest = new Ably.Rest(base);
  const restChannel = rest.channels.get(config.channel);
  const status = await restChannel.status();
  const metrics = status.status.occupancy.metrics;
  return {
    connectionId: realtime.connection.id ?? '',
    realtimeMembers,
    restPresence: await restPresence(restChannel),
    occupancy: { connections: metrics.connections, presenceMembers: metrics.presenceMembers },
    serverTime: await rest.time(),
  };
}

async function restPresence(channel: Ably.Channel): Promise<BrowserCheckResult['restPresence']> {
  try {
    const page = await channel.presence.get();
    return { clientIds: page.items.map((member) => member.clientId), data: page.items[0]?.data };
  } catch (error) {
    const info = error as Ably.ErrorInfo;
    return { error: { code: info.code, message: info.message } };
  }
}

function status(): BrowserConnectionStatus {
  return { state: realtime?.connection.state ?? 'none', connectionId: realtime?.connection.id, states: [...states] };
}

Object.assign(globalThis, { ablyChecks: { run, status } });

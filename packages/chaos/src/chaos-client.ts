import type { JsonObject } from '@ably/chat';
import type { ObserverView } from './observer-view.js';

/** The presence one client wants: present or not, with this data. */
export interface PresenceIntent {
  present: boolean;
  data: JsonObject;
}

export interface ClientSnapshot {
  connectionId: string | undefined;
  connection: string;
  room: string;
  idle: boolean;
  view: ObserverView;
}

/**
 * One participant of the chaos run: a Node `ChatClient` with presence-kit's `RoomStore`, or a Chromium page with the
 * kit's hooks. Both are observers (they show who is here) and actors (they enter, update and leave).
 */
export interface ChaosClient {
  readonly clientId: string;
  readonly kind: 'node' | 'browser';
  /** The proxy this client's network goes through (for half-open faults). */
  readonly proxy: import('./tcp-proxy.js').TcpProxy;
  readonly tokens: import('./token-source.js').TokenSource;
  /** The intent the harness last asked for; the server must end up with exactly this. */
  readonly intent: PresenceIntent;
  /** Asks for presence (enter, update or leave) without waiting; failures are recorded, not thrown. */
  setPresence(intent: PresenceIntent): void;
  /** Current connection id and whether the connection and the room are usable. */
  status(): Promise<{ connectionId: string | undefined; connection: string; room: string }>;
  /** Sends these updates back to back without waiting between them; the intent becomes the last one. */
  burst(datas: JsonObject[]): void;
  /** Re-sends the intent if the last attempt failed (Node clients only; the kit retries by itself). */
  retryFailed(): void;
  /** Times this client had to re-send data an SDK re-entry had overwritten with older data (ably-js; see node-client). */
  readonly staleCorrections: number;
  view(): Promise<ObserverView>;
  /** Status, idleness and view at once (one round trip for a page). */
  snapshot(): Promise<ClientSnapshot>;
  /** Errors the client saw that must not happen (unhandled rejections, error-boundary hits, listener leaks). */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

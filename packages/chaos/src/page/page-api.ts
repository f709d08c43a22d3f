import type { JsonObject } from '@ably/chat';
import type { PresenceIntent } from '../chaos-client.js';
import type { ObserverView } from '../observer-view.js';

/** What the chaos page puts on `window.chaos` for the Node driver (playwright-core). */
export interface ChaosPageApi {
  start(options: { port: number; clientId: string; room: string }): Promise<void>;
  setPresence(intent: PresenceIntent): void;
  burst(datas: JsonObject[]): void;
  status(): { connectionId: string | undefined; connection: string; room: string };
  /** What the page shows, read from the DOM the hooks rendered. */
  view(): ObserverView;
  problems(): string[];
  /** Unmounts the React tree (the kit releases the room) and checks for leaked listeners, then closes the client. */
  close(): Promise<string[]>;
}

declare global {
  interface Window {
    chaos: ChaosPageApi;
    /** Exposed by the driver: mints this page's next token (its "token endpoint"). */
    chaosMintToken(): Promise<unknown>;
  }
}

import type { ChatClient, RoomOptions } from '@ably/chat';
import { warnOnce } from '../internal/dev-warning.js';
import type { FrameScheduler } from '../store/frame-scheduler.js';
import { jsonEqual } from '../store/json-equal.js';
import { RoomEntry } from './room-entry.js';
import { ledgerFor } from './room-ledger.js';

/**
 * The rooms the kit holds on one `ChatClient`, by name. Every scope and hook that names a room shares one entry, so
 * one room means one store and one SDK subscription however many components (and providers) read it. The first
 * options given for a name win until the room is let go; later ones are ignored, so callers never need to memoize.
 */
export class RoomRegistry {
  readonly #entries = new Map<string, RoomEntry>();

  constructor(
    readonly client: ChatClient,
    readonly scheduler: FrameScheduler,
  ) {}

  /**
   * The entry for a room, created (inert) if needed. Safe during render: creating an entry touches no network;
   * only `retain()`, called from an effect, acquires the room.
   */
  entry(name: string, options?: RoomOptions): RoomEntry {
    let entry = this.#entries.get(name);
    if (!entry) {
      entry = new RoomEntry(name, freeze(options), this.client, ledgerFor(this.client), this.scheduler, (stopped) => {
        if (this.#entries.get(stopped.name) === stopped) this.#entries.delete(stopped.name);
      });
      this.#entries.set(name, entry);
    } else if (process.env.NODE_ENV !== 'production' && options !== undefined && !jsonEqual(entry.options, options)) {
      warnOnce(
        `room-options:${name}`,
        `Room "${name}" was given different options in two places; the first (${JSON.stringify(entry.options)}) is used and ${JSON.stringify(options)} is ignored. Give every <PresenceRoom name="${name}"> the same options.`,
      );
    }
    return entry;
  }

  /** Re-registers an entry that was stopped and is being retained again by a component that still holds it. */
  adopt(entry: RoomEntry): void {
    if (!this.#entries.has(entry.name)) this.#entries.set(entry.name, entry);
  }
}

function freeze(options: RoomOptions | undefined): RoomOptions | undefined {
  return options === undefined ? undefined : (Object.freeze(structuredClone(options)) as RoomOptions);
}

const registries = new WeakMap<ChatClient, RoomRegistry>();

/**
 * The one registry of a client: nested or duplicate `<PresenceKitProvider>`s on the same client share it, so a room
 * is held once however many providers name it. The first provider's scheduler is used.
 */
export function registryFor(client: ChatClient, scheduler: FrameScheduler): RoomRegistry {
  let registry = registries.get(client);
  if (!registry) {
    registry = new RoomRegistry(client, scheduler);
    registries.set(client, registry);
  } else if (process.env.NODE_ENV !== 'production' && registry.scheduler !== scheduler) {
    warnOnce(
      'provider-scheduler',
      'Two <PresenceKitProvider>s share one ChatClient but pass different schedulers; the first one is used for both.',
    );
  }
  return registry;
}

import type { LocalAblyOptions } from '../options.js';
import { type LocalAbly, startLocalAbly } from '../server.js';

/** A hold on a process-wide local-ably server; the server closes when the last lease is released. */
export interface LocalAblyLease {
  readonly server: LocalAbly;
  /** Idempotent. */
  release(): Promise<void>;
}

interface Running {
  readonly starting: Promise<LocalAbly>;
  started: LocalAbly | undefined;
  leases: number;
}

// One server per distinct option set per process: Vitest's storybook project calls configureServer twice, and a
// second start on a fixed port would fail with EADDRINUSE. Keyed by options so different settings never share.
const running = new Map<string, Running>();
let exitHookInstalled = false;

/**
 * Starts local-ably, or joins the one already running in this process with the same options.
 *
 * @example
 * const lease = await acquireLocalAbly({ port: 0 });
 * // ... lease.server.url ...
 * await lease.release();
 */
export async function acquireLocalAbly(options: LocalAblyOptions): Promise<LocalAblyLease> {
  installExitHook();
  const key = optionsKey(options);
  let entry = running.get(key);
  if (!entry) {
    const created: Running = { starting: startLocalAbly(options), started: undefined, leases: 0 };
    entry = created;
    running.set(key, created);
    created.starting.then(
      (server) => {
        created.started = server;
      },
      () => running.delete(key),
    );
  }
  entry.leases++;
  const held = entry;
  let server: LocalAbly;
  try {
    server = await held.starting;
  } catch (error) {
    held.leases--;
    throw error;
  }
  let released = false;
  return {
    server,
    release: async () => {
      if (released) return;
      released = true;
      held.leases--;
      if (held.leases > 0) return;
      if (running.get(key) === held) running.delete(key);
      await server.close();
    },
  };
}

/** How many local-ably servers this process holds (for tests). */
export function runningLocalAblyCount(): number {
  return running.size;
}

// Storybook and some runners exit without closing the Vite server; close sockets synchronously on the way out.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const entry of running.values()) void entry.started?.close();
    running.clear();
  });
}

function optionsKey(options: LocalAblyOptions): string {
  const { logger: _logger, ...rest } = options;
  return JSON.stringify(sorted(rest));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((name) => [name, sorted((value as Record<string, unknown>)[name])]),
  );
}

import type { LocalAblyOptions } from './options.js';

export const USAGE = `Usage: local-ably [--port 8081] [--host 127.0.0.1] [--key appId.keyId:secret]...
                  [--presence-leave-delay <ms>] [--connection-state-ttl <ms>] [--occupancy-debounce <ms>]
                  [--max-idle-interval <ms>] [--idle-grace <ms>] [--max-buffered-bytes <n>]
                  [--message-history <n>] [--message-history-channels <n>] [--message-history-bytes <n>]
                  [--allowed-origin <origin>|'*']...

local-ably speaks Ably's realtime protocol and REST API on one port, so the real ably and
@ably/chat SDKs run offline. It is for development and tests; production apps use Ably.

Point a client at it with: { key, endpoint: '127.0.0.1', port: 8081, tls: false }
Browser pages not served from localhost, 127.0.0.1 or [::1] are refused unless named with --allowed-origin.`;

const NUMERIC_FLAGS: Record<string, keyof LocalAblyOptions> = {
  '--port': 'port',
  '--presence-leave-delay': 'presenceLeaveDelayMs',
  '--connection-state-ttl': 'connectionStateTtlMs',
  '--occupancy-debounce': 'occupancyDebounceMs',
  '--max-idle-interval': 'maxIdleIntervalMs',
  '--idle-grace': 'idleGraceMs',
  '--max-buffered-bytes': 'maxBufferedBytes',
  '--message-history': 'messageHistoryLimit',
  '--message-history-channels': 'messageHistoryChannels',
  '--message-history-bytes': 'messageHistoryBytes',
};

/** Parses CLI flags. Throws a TypeError with the usage-level message on anything it does not understand. */
export function parseArgs(argv: readonly string[]): LocalAblyOptions & { help?: boolean } {
  const options: LocalAblyOptions & { help?: boolean } = {};
  const keys: string[] = [];
  const origins: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? '';
    if (flag === '--') continue;
    if (flag === '--help' || flag === '-h') {
      options.help = true;
      continue;
    }
    const [name, inline] = flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = inline ?? argv[++index];
    if (value === undefined) throw new TypeError(`${name} needs a value`);
    const numeric = NUMERIC_FLAGS[name ?? ''];
    if (numeric) {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 0)
        throw new TypeError(`${name} must be a non-negative integer, got "${value}"`);
      (options as Record<string, unknown>)[numeric] = number;
    } else if (name === '--host') {
      options.host = value;
    } else if (name === '--key') {
      keys.push(value);
    } else if (name === '--allowed-origin') {
      origins.push(value);
    } else {
      throw new TypeError(`Unknown flag ${name}`);
    }
  }
  if (keys.length > 0) options.keys = keys;
  if (origins.length > 0) options.allowedOrigins = origins.includes('*') ? '*' : origins;
  return options;
}

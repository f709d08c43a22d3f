import type { LocalAblyOptions, OccupancyMetrics } from '@presence-kit/local-ably';

/** A presence member as the harness compares it: data as canonical JSON text. */
export interface TruthMember {
  clientId: string;
  connectionId: string;
  data: string;
}

/** What the server holds for one channel, read in the server's process in one go. */
export interface ServerTruth {
  members: TruthMember[];
  occupancy: OccupancyMetrics | undefined;
  /** Every connection the server knows, with its state (`connected`, or `dropped` while resumable). */
  connections: Array<{ id: string; clientId: string | undefined; state: string }>;
}

/** The server process's memory and live-state counts at one moment. */
export interface ServerMemory {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
  arrayBuffers: number;
  /** Whether a full garbage collection ran just before (needs `--expose-gc` in the child; it always has it). */
  afterGc: boolean;
  stats: { connections: number; channels: number; members: number };
  /** CPU time the server process used since it started, in ms (user + system). */
  cpuMs: number;
}

/** Every request the parent can make of the server process, with its arguments and result. */
export interface ServerCommands {
  truth: { args: [channel: string]; result: ServerTruth };
  isLive: { args: [connectionId: string]; result: boolean };
  drop: { args: [connectionId: string, loseState: boolean]; result: undefined };
  stall: { args: [connectionId: string]; result: undefined };
  restart: { args: [keepState: boolean, downMs: number]; result: undefined };
  requestReauth: { args: [connectionId: string]; result: undefined };
  memory: { args: [gc: boolean]; result: ServerMemory };
}

export type ServerCommand = keyof ServerCommands;

export interface ServerRequestMessage {
  id: number;
  command: ServerCommand;
  args: unknown[];
}

export type ServerReplyMessage =
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { ready: { port: number; url: string; key: string } };

/** Options for the child: local-ably's own, minus the logger (functions do not cross processes). */
export type ServerProcessOptions = Omit<LocalAblyOptions, 'logger'> & {
  /** Log local-ably's warnings (dropped connections and the like) to stderr. */
  logWarnings?: boolean;
};

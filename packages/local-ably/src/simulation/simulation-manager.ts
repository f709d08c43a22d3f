import { chatChannelName, roomOfChannel } from '../channels/chat-room.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import { RoomSimulation, type SimulationDeps, type SimulationEventCounts } from './room-simulation.js';

/** Where to simulate: a chat room (channel `<room>::$chat`) or any channel by name. */
export type SimulationTarget = { room: string } | { channel: string };

/** What to simulate. */
export interface SimulationOptions {
  /** How many members enter. 1 to 50,000. */
  count: number;
  /** Churn events per second (a mix of updates, leaves and re-enters). Default 0: the members just stay. */
  churnPerSecond?: number;
  /** Same seed, same names, avatars and event sequence. Default 1. */
  seed?: number;
  /** Presence messages per PRESENCE frame. Default 200. */
  batchSize?: number;
}

/** A running simulation, as the developer panel shows it. */
export interface SimulationStatus {
  channel: string;
  /** The chat room, when the channel backs one. */
  room?: string;
  count: number;
  present: number;
  churnPerSecond: number;
  seed: number;
  batchSize: number;
  events: SimulationEventCounts;
}

export const MAX_SIMULATED_MEMBERS = 50_000;
const MAX_CHURN_PER_SECOND = 10_000;
const MAX_BATCH_SIZE = 1_000;

/**
 * Simulated members per channel. Starting a simulation where one runs replaces it (its members leave first).
 *
 * @example
 * server.simulation.start({ room: 'lobby' }, { count: 10_000, churnPerSecond: 20, seed: 7 });
 * server.simulation.stop({ room: 'lobby' }); // every simulated member leaves
 */
export class SimulationManager {
  private readonly byChannel = new Map<string, RoomSimulation>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly deps: SimulationDeps) {}

  start(target: SimulationTarget, options: SimulationOptions): SimulationStatus {
    const channel = targetChannel(target);
    const settings = {
      count: checkInteger('count', options.count, 1, MAX_SIMULATED_MEMBERS),
      churnPerSecond: checkNumber('churnPerSecond', options.churnPerSecond ?? 0, 0, MAX_CHURN_PER_SECOND),
      seed: checkInteger('seed', options.seed ?? 1, 0, 0xffffffff),
      batchSize: checkInteger('batchSize', options.batchSize ?? 200, 1, MAX_BATCH_SIZE),
    };
    this.byChannel.get(channel)?.stop();
    // A replacement's members get new connectionIds, so SDKs never compare their ids with the leaving members' ids.
    const generation = this.generations.get(channel) ?? 0;
    this.generations.set(channel, generation + 1);
    const simulation = new RoomSimulation(channel, settings, this.deps, generation);
    this.byChannel.set(channel, simulation);
    simulation.start();
    return status(simulation);
  }

  /** Stops a simulation; its members leave. Returns undefined when none was running there. */
  stop(target: SimulationTarget): SimulationStatus | undefined {
    const channel = targetChannel(target);
    const simulation = this.byChannel.get(channel);
    if (!simulation) return undefined;
    this.byChannel.delete(channel);
    simulation.stop();
    return status(simulation);
  }

  get(target: SimulationTarget): SimulationStatus | undefined {
    const simulation = this.byChannel.get(targetChannel(target));
    return simulation ? status(simulation) : undefined;
  }

  list(): SimulationStatus[] {
    return [...this.byChannel.values()].map(status);
  }

  /** Whether a member on `channel` with this connectionId is simulated. */
  isSimulated(channel: string, connectionId: string): boolean {
    return this.byChannel.get(channel)?.owns(connectionId) ?? false;
  }

  /** Forgets every simulation silently (a restart that lost its state). */
  reset(): void {
    for (const simulation of this.byChannel.values()) simulation.discard();
    this.byChannel.clear();
    this.generations.clear();
  }

  /** Stops churn timers without broadcasting (server shutdown). */
  close(): void {
    this.reset();
  }
}

/** The channel a target names; throws 40003 for an empty name. */
export function targetChannel(target: SimulationTarget): string {
  const name = 'room' in target ? target.room : target.channel;
  if (typeof name !== 'string' || name.length === 0) {
    throw new AblyError(
      ErrorCode.InvalidParameterValue,
      400,
      'A simulation needs a non-empty room name ({ room }) or channel name ({ channel })',
    );
  }
  return 'room' in target ? chatChannelName(name) : name;
}

function status(simulation: RoomSimulation): SimulationStatus {
  const room = roomOfChannel(simulation.channelName);
  return {
    channel: simulation.channelName,
    ...(room !== undefined ? { room } : {}),
    ...simulation.settings,
    present: simulation.presentCount,
    events: { ...simulation.events },
  };
}

function checkNumber(name: string, value: unknown, min: number, max: number, integer = false): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  ) {
    throw new AblyError(
      ErrorCode.InvalidParameterValue,
      400,
      `Simulation "${name}" must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function checkInteger(name: string, value: unknown, min: number, max: number): number {
  return checkNumber(name, value, min, max, true);
}

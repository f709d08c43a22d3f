import type { JsonObject } from '@ably/chat';
import type { ChaosClient } from './chaos-client.js';
import type { ChaosReport } from './chaos-report.js';
import { FAULT_WEIGHTS, type FaultKind } from './fault-kinds.js';
import type { SeededRandom } from './seeded-random.js';
import type { ServerProcess } from './server-process/server-process.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One cycle: 1-3 faults on distinct clients and 0-4 own actions, shuffled, a few milliseconds apart. Returns what it
 * did, in order, for the report of a failing cycle.
 */
export async function injectCycle(
  random: SeededRandom,
  server: ServerProcess,
  clients: readonly ChaosClient[],
  counts: Pick<ChaosReport, 'faults' | 'actions'>,
  nextData: (clientId: string) => JsonObject,
): Promise<string[]> {
  const done: string[] = [];
  const steps: Array<() => Promise<void>> = [];
  const targets = random.sample(clients, random.int(1, 3));
  let restarted = false;
  for (const target of targets) {
    let kind: FaultKind = random.weighted(FAULT_WEIGHTS);
    // One restart per cycle is plenty: a second would only extend the first one's downtime.
    while (restarted && kind.startsWith('restart')) kind = random.weighted(FAULT_WEIGHTS);
    if (kind.startsWith('restart')) restarted = true;
    const burstSize = random.int(5, 25);
    steps.push(async () => {
      const injected = await injectFault(kind, server, target, burstSize, nextData);
      if (injected) counts.faults[kind]++;
      done.push(`${kind} ${target.clientId}${injected ? '' : ' (skipped: not connected)'}`);
    });
  }
  for (const actor of random.sample(clients, random.int(0, 4))) {
    const present = actor.intent.present;
    const action = present ? (random.chance(0.6) ? 'update' : 'leave') : 'enter';
    steps.push(async () => {
      counts.actions[action]++;
      const data = nextData(actor.clientId);
      actor.setPresence({ present: action !== 'leave', data });
      done.push(`${action} ${actor.clientId} n=${data.n}`);
    });
  }
  const gaps = steps.map(() => random.int(0, 40));
  const order = random.sample(
    steps.map((_, i) => i),
    steps.length,
  );
  for (const [position, index] of order.entries()) {
    await steps[index]!();
    // The gap after the last step would only delay the quiet phase, which starts polling at once anyway. Its number
    // is still drawn, so a seed picks the same faults as before.
    if (position === order.length - 1) break;
    done.push(`+${gaps[index]} ms`);
    await sleep(gaps[index]!);
  }
  return done;
}

/** Injects one fault; returns false when the target had no live connection to act on (nothing was injected). */
async function injectFault(
  kind: FaultKind,
  server: ServerProcess,
  target: ChaosClient,
  burstSize: number,
  nextData: (clientId: string) => JsonObject,
): Promise<boolean> {
  const { connectionId, connection } = await target.status();
  const live = connection === 'connected' && connectionId !== undefined && (await server.isLive(connectionId));
  switch (kind) {
    case 'restart-keep-state':
    case 'restart-lose-state':
      await server.restart({ keepState: kind === 'restart-keep-state', downMs: 150 });
      return true;
    case 'presence-burst':
      target.burst(Array.from({ length: burstSize }, () => nextData(target.clientId)));
      return true;
    case 'half-open':
      return target.proxy.halfOpen() > 0;
    default:
      break;
  }
  if (!live || connectionId === undefined) return false;
  switch (kind) {
    case 'drop':
      await server.drop(connectionId);
      return true;
    case 'drop-lose-state':
      await server.drop(connectionId, { loseState: true });
      return true;
    case 'stall':
      await server.stall(connectionId);
      return true;
    case 'token-renewal':
      await server.requestReauth(connectionId);
      return true;
    case 'token-expiry':
      // The next token lives about 1 s and its renewal answers 1.5 s late, so it really expires on the live connection.
      target.tokens.expireSoon(1_000, 1_500);
      await server.requestReauth(connectionId);
      return true;
  }
  return false;
}

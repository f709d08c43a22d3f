import type { LocalAbly } from '@presence-kit/local-ably';
import { type ClientState, type Disagreement, disagreements } from './agreement.js';
import type { ChaosClient } from './chaos-client.js';
import { readServerTruth } from './server-truth.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls every client and the server until they all agree, or the timeout passes; returns what still disagrees. */
export async function waitForAgreement(
  server: LocalAbly,
  clients: readonly ChaosClient[],
  timeoutMs: number,
): Promise<{ elapsedMs: number; remaining: Disagreement[] }> {
  const start = Date.now();
  let remaining: Disagreement[] = [];
  let polls = 0;
  while (Date.now() - start < timeoutMs) {
    // Presence operations that failed during the faults are sent again once things calm down (Node clients only).
    if (++polls % 4 === 0) for (const client of clients) client.retryFailed();
    const states: ClientState[] = await Promise.all(
      clients.map(async (client) => ({
        clientId: client.clientId,
        intent: client.intent,
        ...(await client.snapshot()),
      })),
    );
    remaining = disagreements(readServerTruth(server), states);
    if (remaining.length === 0) return { elapsedMs: Date.now() - start, remaining };
    await sleep(50);
  }
  return { elapsedMs: Date.now() - start, remaining };
}

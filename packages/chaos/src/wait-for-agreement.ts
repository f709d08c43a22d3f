import { type ClientState, type Disagreement, disagreements } from './agreement.js';
import type { ChaosClient } from './chaos-client.js';
import type { ServerProcess } from './server-process/server-process.js';
import { readServerTruth } from './server-truth.js';
import { POLL_INTERVAL_MS, RETRY_INTERVAL_MS } from './timings.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How one wait went: its time, split into phases, and what still disagrees (nothing, when it reached agreement). */
export interface AgreementWait {
  elapsedMs: number;
  /** Until every client was connected, attached, synced and idle, and the server had no stray live connection. */
  settleMs: number;
  /** From settled to full agreement (members, data, people, occupancy on every observer). */
  convergeMs: number;
  polls: number;
  /** Time spent reading the clients and the server and comparing them (the rest is waiting between polls). */
  pollMs: number;
  remaining: Disagreement[];
}

/** Polls every client and the server until they all agree, or the timeout passes; returns what still disagrees. */
export async function waitForAgreement(
  server: ServerProcess,
  clients: readonly ChaosClient[],
  timeoutMs: number,
): Promise<AgreementWait> {
  const start = Date.now();
  let remaining: Disagreement[] = [];
  let polls = 0;
  let pollMs = 0;
  let settledAt: number | undefined;
  let lastRetry = start;
  const result = (): AgreementWait => {
    const elapsedMs = Date.now() - start;
    const settleMs = (settledAt ?? Date.now()) - start;
    return { elapsedMs, settleMs, convergeMs: elapsedMs - settleMs, polls, pollMs, remaining };
  };
  while (Date.now() - start < timeoutMs) {
    const pollStart = Date.now();
    polls++;
    // Presence operations that failed during the faults are sent again once things calm down (Node clients only).
    if (pollStart - lastRetry >= RETRY_INTERVAL_MS) {
      lastRetry = pollStart;
      for (const client of clients) client.retryFailed();
    }
    const [truth, states] = await Promise.all([
      readServerTruth(server),
      Promise.all(
        clients.map(
          async (client): Promise<ClientState> => ({
            clientId: client.clientId,
            intent: client.intent,
            ...(await client.snapshot()),
          }),
        ),
      ),
    ]);
    remaining = disagreements(truth, states);
    pollMs += Date.now() - pollStart;
    if (settledAt === undefined && !remaining.some((item) => item.kind === 'unsettled')) settledAt = Date.now();
    if (remaining.length === 0) return result();
    await sleep(POLL_INTERVAL_MS);
  }
  return result();
}

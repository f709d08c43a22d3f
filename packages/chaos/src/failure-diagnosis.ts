import { chatChannelName } from '@presence-kit/local-ably';
import type { Disagreement } from './agreement.js';
import type { ServerProcess } from './server-process/server-process.js';
import { CHAOS_ROOM } from './timings.js';

interface HistoryItem {
  id: string;
  action: number;
  clientId: string;
  connectionId: string;
  timestamp: number;
  data?: unknown;
}

const ACTIONS = ['absent', 'present', 'enter', 'leave', 'update'];

/**
 * For a cycle that did not reach agreement: the last presence events the server broadcast for each client named in
 * the disagreements (from REST presence history), so the report shows how the member got where it is.
 */
export async function diagnose(
  server: Pick<ServerProcess, 'url' | 'key'>,
  remaining: readonly Disagreement[],
): Promise<string[]> {
  const clientIds = new Set<string>();
  for (const item of remaining)
    for (const match of item.detail.matchAll(/\b((?:node|page)-\d+)/g)) clientIds.add(match[1]!);
  if (clientIds.size === 0) return [];
  const channel = encodeURIComponent(chatChannelName(CHAOS_ROOM));
  const response = await fetch(`${server.url}/channels/${channel}/presence/history?limit=1000`, {
    headers: { authorization: `Basic ${Buffer.from(server.key).toString('base64')}` },
  });
  if (!response.ok) return [`presence history unavailable: HTTP ${response.status}`];
  const items = (await response.json()) as HistoryItem[];
  const lines: string[] = [];
  for (const clientId of [...clientIds].slice(0, 4)) {
    const mine = items
      .filter((item) => item.clientId === clientId)
      .slice(0, 8)
      .reverse();
    lines.push(
      `history of ${clientId}: ${mine.map((i) => `${ACTIONS[i.action] ?? i.action} ${i.id} ${typeof i.data === 'string' ? i.data : JSON.stringify(i.data)}`).join(' | ')}`,
    );
  }
  return lines;
}

/**
 * How much memory a client that stops reading can make local-ably hold (`npx tsx bench/slow-reader-bench.ts`).
 * Prints numbers; it is not a test. Starts the CLI in a child process twice, with the default `maxBufferedBytes`
 * and with the bound effectively off, pauses one subscriber's socket, publishes 90 MB to its channel, and reports
 * the server's peak RSS growth (from /proc, Linux only) and the delivery latency of another subscriber that reads.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Ably from 'ably';
import WebSocket from 'ws';

const KEY = 'bench.key:bench-secret';
const PORT = 18_000 + Math.floor(Math.random() * 1_000);
const PAYLOAD = 'x'.repeat(60_000);
const MESSAGES = 1_500; // 90 MB

function rssBytes(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/time`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('server did not start');
}

async function run(
  maxBufferedBytes: number | undefined,
  withSlowReader = true,
): Promise<{ growthMb: number; dropped: boolean; p50: number; p99: number }> {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  // No message history, so what grows is what the slow reader makes the server hold.
  const args = [cli, '--port', String(PORT), '--key', KEY, '--message-history', '0'];
  if (maxBufferedBytes !== undefined) args.push('--max-buffered-bytes', String(maxBufferedBytes));
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  try {
    await waitForServer();
    const slow = new WebSocket(
      `ws://127.0.0.1:${PORT}/?key=${encodeURIComponent(KEY)}&format=json&v=6&heartbeats=false`,
    );
    await new Promise((resolve) => slow.once('message', resolve));
    slow.send(JSON.stringify({ action: 10, channel: 'feed' }));
    await new Promise((resolve) => slow.once('message', resolve));
    // The baseline subscriber reads everything, so the difference is what an unread socket makes the server hold.
    if (withSlowReader) slow.pause();
    const publisher = new Ably.Realtime({ key: KEY, endpoint: '127.0.0.1', port: PORT, tls: false, logLevel: 0 });
    const channel = publisher.channels.get('feed');
    await channel.attach();
    // A well-behaved subscriber beside the slow one: its delivery latency must not change.
    const reader = new Ably.Realtime({ key: KEY, endpoint: '127.0.0.1', port: PORT, tls: false, logLevel: 0 });
    const latencies: number[] = [];
    await reader.channels.get('feed').subscribe((message) => latencies.push(Date.now() - Number(message.name)));
    const before = rssBytes(child);
    let peak = before;
    for (let index = 0; index < MESSAGES; index++) {
      await channel.publish(String(Date.now()), PAYLOAD);
      if (index % 50 === 0) peak = Math.max(peak, rssBytes(child));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    peak = Math.max(peak, rssBytes(child));
    publisher.close();
    reader.close();
    slow.terminate();
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
    return {
      growthMb: (peak - before) / 1024 / 1024,
      dropped: /stopped reading/.test(output),
      p50: at(0.5),
      p99: at(0.99),
    };
  } finally {
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const baseline = await run(undefined, false);
const bounded = await run(undefined);
const small = await run(1024 * 1024);
const unbounded = await run(1e12);
console.log(`published ${(MESSAGES * PAYLOAD.length) / 1e6} MB to a subscriber that never reads (peak RSS growth)`);
const latency = (r: { p50: number; p99: number }) => `another subscriber's latency p50 ${r.p50} ms, p99 ${r.p99} ms`;
console.log(
  `a subscriber that reads (baseline: encoding and garbage): server RSS +${baseline.growthMb.toFixed(1)} MB; ${latency(baseline)}`,
);
console.log(
  `default maxBufferedBytes (8 MiB): server RSS +${bounded.growthMb.toFixed(1)} MB, dropped=${bounded.dropped}; ${latency(bounded)}`,
);
console.log(
  `maxBufferedBytes 1 MiB: server RSS +${small.growthMb.toFixed(1)} MB, dropped=${small.dropped}; ${latency(small)}`,
);
console.log(
  `bound off: server RSS +${unbounded.growthMb.toFixed(1)} MB, dropped=${unbounded.dropped}; ${latency(unbounded)}`,
);

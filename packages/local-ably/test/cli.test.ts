import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import * as Ably from 'ably';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from './support/harness.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const CLI = `${ROOT}packages/local-ably/src/cli.ts`;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[]): Run {
  const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A port that was free a moment ago: listen on 0, read it, close. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the local-ably CLI', () => {
  it('serves the real SDK on the chosen port with the chosen key, and stops on SIGTERM', async () => {
    const port = await freePort();
    const cli = run(['--port', String(port), '--key', 'app.key:secret', '--presence-leave-delay', '200']);
    const time = await eventually(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/time`);
      expect(response.status).toBe(200);
      return (await response.json()) as number[];
    }, 15_000);
    expect(Math.abs((time[0] ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(cli.output()).toContain(`local-ably listening on http://127.0.0.1:${port}`);
    expect(cli.output()).toContain('app.key:secret');

    const options = { key: 'app.key:secret', endpoint: '127.0.0.1', port, tls: false, logLevel: 0 };
    const alice = new Ably.Realtime({ ...options, clientId: 'alice' });
    const bob = new Ably.Realtime({ ...options, clientId: 'bob' });
    try {
      await alice.channels.get('cli-room').presence.enter('hello');
      const members = await bob.channels.get('cli-room').presence.get();
      expect(members.map((member) => [member.clientId, member.data])).toEqual([['alice', 'hello']]);

      const wrong = new Ably.Realtime({ ...options, key: 'local.dev:local-ably-development-secret' });
      await eventually(() => expect(wrong.connection.state).toBe('failed'), 10_000);
      expect(wrong.connection.errorReason?.code).toBe(40101);
      wrong.close();
    } finally {
      alice.close();
      bob.close();
    }

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/time`)).rejects.toThrow();
  });

  it('exits 2 with the usage text on bad flags, and 0 with it on --help', async () => {
    const [badPort, unknown, missing] = [run(['--port', 'eighty']), run(['--bogus', '1']), run(['--key'])];
    expect(await badPort.exited).toBe(2);
    expect(badPort.output()).toMatch(/--port must be a non-negative integer, got "eighty"/);
    expect(badPort.output()).toContain('Usage: local-ably');
    expect(await unknown.exited).toBe(2);
    expect(unknown.output()).toMatch(/Unknown flag --bogus/);
    expect(await missing.exited).toBe(2);
    expect(missing.output()).toMatch(/--key needs a value/);

    const help = run(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain('Usage: local-ably');
  });
});

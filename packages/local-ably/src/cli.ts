#!/usr/bin/env node
import { parseArgs, USAGE } from './cli-args.js';
import { startLocalAbly } from './server.js';

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`local-ably: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const server = await startLocalAbly({
    port: 8081,
    ...options,
    logger: { info: (message) => console.log(message), warn: (message) => console.warn(message) },
  });
  console.log(`local-ably listening on ${server.url} (realtime ws://${server.host}:${server.port})`);
  console.log(`  keys: ${server.options.keys.join(', ')}`);
  console.log(
    `  admin API (loopback only): ${server.url}/local-ably/rooms, /connections, /faults/*, /rooms/:room/simulation`,
  );
  console.log('  For development and tests only. Production apps use Ably itself.');
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`local-ably: ${(error as Error).message}`);
  process.exitCode = 1;
});

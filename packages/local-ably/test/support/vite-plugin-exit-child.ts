// Child process for vite-plugin.test.ts: configures the plugin (twice, as Vitest's storybook project does), prints
// where local-ably listens, then exits without closing Vite, as Storybook does on SIGINT.
import { createServer } from 'vite';
import { localAbly } from '../../src/vite/index.js';

const port = Number(process.argv[2]);
const servers = [];
for (const offset of [0, 1]) {
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: port + offset, strictPort: true, ws: false, watch: null },
    plugins: [localAbly()],
  });
  await server.listen();
  servers.push(server);
}
const config = await (await fetch(`http://127.0.0.1:${port}/api/ably-config`)).json();
process.stdout.write(`${JSON.stringify(config)}\n`);
process.stdin.once('data', () => process.exit(0));

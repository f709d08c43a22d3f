import http from 'node:http';
import msgpack from '@ably/msgpack-js';
import { describe, expect, it } from 'vitest';
import { createJwt } from '../src/index.js';
import { eventually, type Harness, startHarness } from './support/harness.js';
import { fuzzSeed, prng } from './support/prng.js';

/**
 * Random and mutated REST requests (methods, path segments, query strings, bodies, content types, credentials)
 * against every route, then checks that nothing answered 5xx, the server still serves, and a real ChatClient still
 * works. A fixed budget of requests and a fixed seed keep CI fast and repeatable; REST_FUZZ_SEED=<n> explores other
 * cases and REST_FUZZ_REQUESTS=<n> changes the budget. A failure prints the seed and the requests that failed.
 */
const REQUESTS = Number(process.env.REST_FUZZ_REQUESTS ?? 1_500);
const DEFAULT_SEED = 4_040_404;

const TEMPLATES = [
  '/time',
  '/keys/:key/requestToken',
  '/channels',
  '/channels/:channel',
  '/channels/:channel/presence',
  '/channels/:channel/presence/history',
  '/presence',
  '/chat/v4/rooms/:room/occupancy',
  '/chat/v4/rooms/:room/messages',
  '/chat/v4/rooms/:room/messages/:serial',
  '/chat/v4/rooms/:room/messages/:serial/delete',
  '/chat/v4/rooms/:room/messages/:serial/versions',
  '/chat/v4/rooms/:room/messages/:serial/reactions',
  '/chat/v4/rooms/:room/messages/:serial/client-reactions',
  '/local-ably/rooms',
  '/local-ably/channels',
  '/local-ably/connections',
  '/local-ably/simulations',
  '/local-ably/rooms/:room/members',
  '/local-ably/channels/:channel/members',
  '/local-ably/nope/:room',
  '/:junk',
  '/chat/v4/:junk/:junk',
];
const PARAMS = [
  'limit',
  'direction',
  'start',
  'end',
  'cursor',
  'fromSerial',
  'envelope',
  'by',
  'prefix',
  'channels',
  'separator',
  'clientId',
  'connectionId',
  'idempotencyKey',
  'forClientId',
  'type',
  'name',
  'key',
  'access_token',
  '__proto__',
];

class RestFuzzer {
  constructor(
    readonly random: () => number,
    readonly serials: string[],
  ) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  text(): string {
    switch (this.int(9)) {
      case 0:
        return '';
      case 1:
        return 'x'.repeat(this.int(5_000));
      case 2:
        return String.fromCharCode(...Array.from({ length: this.int(12) }, () => this.int(0x10000)));
      case 3:
        return this.pick(['-1', '0', '1', '1000', '1001', '1e3', 'NaN', '99999999999999999999', '0x10']);
      case 4:
        return this.pick([
          'backwards',
          'forwards',
          'sideways',
          'json',
          'msgpack',
          'id',
          'value',
          'distinct',
          'unique',
          'multiple',
        ]);
      case 5:
        return this.serials.length > 0 ? this.pick(this.serials) : 'serial';
      case 6:
        return this.pick(['fuzz-room', 'fuzz-room::$chat', '[meta]x', '[?rewind=1]fuzz-room', 'a:b:c', '*']);
      case 7:
        return ':::[]!\u0000\u001f%';
      default:
        return `v${this.int(1_000)}`;
    }
  }

  /** A path segment: valid names, encoded junk, or broken percent-encoding. */
  segment(): string {
    switch (this.int(6)) {
      case 0:
        return this.pick(['%zz', '%', '%E0%A4%A', '..', '.', '%2F', '%00', '%2e%2e']);
      case 1:
        return 'y'.repeat(1 + this.int(3_000));
      default:
        return safeEncode(this.text()) || 'empty';
    }
  }

  path(): string {
    const template = this.pick(TEMPLATES);
    const path = template.replace(/:\w+/g, (name) =>
      name === ':room' && this.random() < 0.5
        ? 'fuzz-room'
        : name === ':serial' && this.random() < 0.5 && this.serials.length > 0
          ? encodeURIComponent(this.pick(this.serials))
          : this.segment(),
    );
    const params = new URLSearchParams();
    for (let count = this.int(5); count > 0; count--) params.append(this.pick(PARAMS), wellFormed(this.text()));
    const query = params.toString();
    return query ? `${path}?${query}${this.random() < 0.1 ? '&%zz=%' : ''}` : path;
  }

  /** Any JSON-ish value, with prototype-shaped keys and deep nesting now and then. */
  junk(depth = 0): unknown {
    switch (this.int(depth > 3 ? 5 : 8)) {
      case 0:
        return this.pick([0, -1, 1.5, 2 ** 53, 1e308, null, true, false]);
      case 1:
        return this.text();
      case 2: {
        let deep: unknown = 1;
        for (let index = this.int(2_000); index > 0; index--) deep = [deep];
        return deep;
      }
      case 3:
        return { text: this.text(), metadata: this.junk(depth + 1), headers: this.junk(depth + 1) };
      case 4:
        return { type: this.text(), name: this.text(), count: this.junk(depth + 1) };
      case 5:
        return Array.from({ length: this.int(4) }, () => this.junk(depth + 1));
      case 6:
        return { message: this.junk(depth + 1), description: this.junk(depth + 1), metadata: this.junk(depth + 1) };
      default:
        return Object.fromEntries(
          Array.from({ length: this.int(4) }, () => [
            this.pick(['__proto__', 'constructor', 'text', 'count', 'keyName', this.text()]),
            this.junk(depth + 1),
          ]),
        );
    }
  }

  body(): { body?: Buffer; contentType?: string } {
    switch (this.int(7)) {
      case 0:
        return {};
      case 1:
        return {
          body: Buffer.from(Array.from({ length: this.int(300) }, () => this.int(256))),
          contentType: this.pick(['application/json', 'application/x-msgpack', 'text/plain']),
        };
      case 2:
        return { body: msgpack.encode(this.junk()), contentType: 'application/x-msgpack' };
      case 3:
        return { body: Buffer.from('{"text":"hi"'), contentType: 'application/json' };
      case 4:
        return { body: Buffer.alloc(1_100_000, 0x20), contentType: 'application/json' };
      default:
        return { body: Buffer.from(JSON.stringify(this.junk()) ?? 'null'), contentType: 'application/json' };
    }
  }

  authorization(h: Harness): Record<string, string> {
    switch (this.int(8)) {
      case 0:
        return {};
      case 1:
        return { authorization: `Basic ${Buffer.from('app.nope:wrong').toString('base64')}` };
      case 2:
        return { authorization: `Bearer ${this.text()}` };
      case 3: {
        const token = createJwt({ key: h.server.key, clientId: this.pick(['fz', '*']) });
        return { authorization: `Bearer ${Buffer.from(token).toString('base64')}` };
      }
      case 4:
        return { authorization: `Basic ${this.text()}` };
      default:
        return {
          authorization: `Basic ${Buffer.from(h.server.key).toString('base64')}`,
          ...(this.random() < 0.7
            ? { 'x-ably-clientid': Buffer.from(this.pick(['fz', 'alice', '*', ''])).toString('base64') }
            : {}),
        };
    }
  }
}

/** encodeURIComponent, except that lone surrogates (which it refuses) become U+FFFD first. */
function safeEncode(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

interface Outcome {
  status: number;
  request: string;
}

function send(
  h: Harness,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<Outcome | undefined> {
  return new Promise((resolve) => {
    let request: http.ClientRequest;
    try {
      request = http.request(
        { host: h.server.host, port: h.server.port, method, path, headers, agent: false },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, request: `${method} ${path.slice(0, 200)}` }),
          );
          response.on('error', () =>
            resolve({ status: response.statusCode ?? 0, request: `${method} ${path.slice(0, 200)}` }),
          );
        },
      );
    } catch {
      resolve(undefined); // the client refused to send it (e.g. characters Node will not put in a path)
      return;
    }
    // The server may answer (413, 401) before reading a large body and close; that is not a failure.
    request.on('error', () => resolve(undefined));
    request.end(body);
  });
}

describe('fuzzing the REST API', () => {
  it(`answers ${REQUESTS} random requests with no 5xx, and keeps serving real clients`, async () => {
    const seed = fuzzSeed('REST_FUZZ_SEED', DEFAULT_SEED);
    const h = await startHarness();
    const alice = await h.room(h.chat('alice'), 'fuzz-room');
    const serials = [];
    for (let index = 0; index < 3; index++) serials.push((await alice.messages.send({ text: `m${index}` })).serial);
    const f = new RestFuzzer(prng(seed), serials);
    const failures: Outcome[] = [];
    const statuses = new Map<number, number>();
    for (let sent = 0; sent < REQUESTS; sent += 4) {
      // A few at a time, so the fuzz stays quick without turning into a load test.
      const batch = Array.from({ length: 4 }, () => {
        const method = f.pick(['GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
        const { body, contentType } = method === 'GET' || method === 'HEAD' ? {} : f.body();
        const headers: Record<string, string> = {
          ...f.authorization(h),
          ...(contentType ? { 'content-type': contentType } : {}),
          ...(f.random() < 0.3 ? { accept: 'application/x-msgpack' } : {}),
          ...(f.random() < 0.2 ? { origin: f.pick(['http://localhost:6006', 'https://evil.example', 'null']) } : {}),
        };
        return send(h, method, f.path(), headers, body);
      });
      for (const outcome of await Promise.all(batch)) {
        if (!outcome) continue;
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        if (outcome.status >= 500 || outcome.status === 0) failures.push(outcome);
      }
    }
    if (failures.length > 0) console.error(`REST fuzz failed with REST_FUZZ_SEED=${seed}`, failures.slice(0, 10));
    if (process.env.FUZZ_VERBOSE) console.log({ seed, statuses: Object.fromEntries(statuses) });
    expect(failures).toEqual([]);
    // The fuzz reached the handlers, not only the auth check.
    expect([...statuses.keys()].some((status) => status >= 200 && status < 300)).toBe(true);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);

    const time = await fetch(`${h.server.url}/time`);
    expect(time.status).toBe(200);
    const bob = await h.room(h.chat('bob'), 'after-rest-fuzz');
    const received: string[] = [];
    bob.messages.subscribe((event) => received.push(event.message.text));
    await bob.messages.send({ text: 'still here' });
    await eventually(() => expect(received).toEqual(['still here']));
  });
});

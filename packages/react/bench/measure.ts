/**
 * One measured run: one side, one case, in a fresh browser context. Populates the room from Node, mounts the side,
 * waits for the full list, then times one burst with CDP's TaskDuration (main-thread busy time of the renderer).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalAbly } from '@presence-kit/local-ably';
import { type Browser, type BrowserContext, type CDPSession, errors } from 'playwright-core';
import { type BenchCase, caseId, EVENTS_PER_FRAME } from './cases.js';
import { type DriverPresence, PresenceDriver, PresenceOp } from './driver.js';
import type { BurstResult, OurList, Side } from './page/bench-api.js';
import { type BenchData, clientIdOf, targetOf } from './plan.js';
import { percentile } from './stats.js';

/**
 * How the room gets its N members: entered `before-mount`, so the page receives them in the attach SYNC (the normal
 * case), or entered `live` after the page mounted, as ENTER events (the fallback for a side that cannot load a SYNC).
 */
export type Population = 'before-mount' | 'live';

/** One side's figures for one case. */
export interface SideResult {
  side: Side;
  population: Population;
  /**
   * Set when this result comes from a `live` retry: how the `before-mount` attempt ended. `earlierCase` names the case
   * whose attempt it was when the side was not tried again (one SYNC attempt per side and member count per run).
   */
  firstAttempt?: { loadMs: number; failure: string | null; earlierCase?: string };
  /** Whether the list showed all N members within the load cap; if not, no burst was measured. */
  loaded: boolean;
  /** From mount to the list showing all N members (wall, Node clock). */
  loadMs: number;
  /** CDP `TaskDuration` delta over that load. */
  loadMainThreadMs: number;
  /** Why the burst was not measured (not loaded, renderer crashed), or `null`. */
  failure: string | null;
  timedOut: boolean;
  /** CDP `TaskDuration` delta from just before the burst until the page reported the final state, in ms. */
  mainThreadMs: number;
  /** The script, layout and style-recalc parts of that time (CDP `ScriptDuration`, `LayoutDuration`, `RecalcStyleDuration`). */
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /**
   * `TaskDuration` and `ScriptDuration` over the same interval in the main thread's CPU time (a second CDP session
   * with `timeDomain: 'threadTicks'`): on a loaded machine the wall-clock figures above include the time the thread
   * waited for a core, these do not. Optional: results saved before they were measured lack them.
   */
  mainThreadCpuMs?: number;
  scriptCpuMs?: number;
  wallMs: number;
  commits: number;
  frames: number;
  renderMs: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  latencySamples: number;
  /** How long the driver took to send the burst and receive every ACK. */
  sendMs: number;
  done: number;
  target: number;
}

/** What every run shares: the browser, the server, the page and the limits. */
export interface MeasureEnv {
  browser: Browser;
  server: LocalAbly;
  pageUrl: string;
  /** Longest wait for the final state, in ms. */
  capMs: number;
  /** Longest wait for the list to show the N members from the attach SYNC, in ms. */
  loadCapMs: number;
  /** The same for a `live` population (members entered after mounting), in ms. */
  liveLoadCapMs?: number;
  /** Makes room names unique across runs. */
  tag: string;
  /** When set, a V8 CPU profile of the page during each burst is written here (`<room>.cpuprofile`). */
  profileDir?: string;
  /**
   * When set, a Chromium trace of each burst is written here (`<room>.trace.json`): every task, frame, style, layout
   * and paint with its thread (CPU) time, which a loaded machine does not inflate as it does a sampled profile.
   */
  traceDir?: string;
  /** Milliseconds between burst frames; 0 sends as fast as the driver's ACK window allows. */
  paceMs?: number;
  /** How side A wires its list (see MountOptions.ourList). */
  ourList?: OurList;
}

/** Trace categories for `traceDir`: tasks and the renderer's frame work, with thread times. */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'];

export const CHROMIUM_METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
export type MetricName = (typeof CHROMIUM_METRICS)[number];

/**
 * Measures one side for one case in a fresh browser context and a fresh room, and closes both afterwards.
 *
 * @example
 * const result = await measureSide(env, { members: 1_000, events: 1_000, delivery: 'task' }, 'ours');
 */
export async function measureSide(
  env: MeasureEnv,
  benchCase: BenchCase,
  side: Side,
  population: Population = 'before-mount',
): Promise<SideResult> {
  const room = `bench-${env.tag}-${caseId(benchCase)}-${side}-${population}`;
  const channel = `${room}::$chat`;
  const driver = await PresenceDriver.connect({ port: env.server.port, key: env.server.key });
  const context = await env.browser.newContext();
  try {
    if (side === 'ui-kit') await failExternalRequests(context);
    await driver.attach(channel);
    if (population === 'before-mount') await driver.sendFrames(channel, populationFrames(benchCase.members));

    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`  [page ${side}] ${error.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(env.pageUrl);
    await page.waitForFunction(() => typeof window.bench === 'object');
    // A renderer that runs out of memory crashes; every later call on the page would then hang or throw.
    const crash = new Promise<'crashed'>((resolve) => page.once('crash', () => resolve('crashed')));
    const loadBefore = await readMetrics(cdp);
    const loadStart = performance.now();
    const loadCapMs = population === 'live' ? (env.liveLoadCapMs ?? env.loadCapMs) : env.loadCapMs;
    const mountAndLoad = async () => {
      await page.evaluate(({ side, options }) => window.bench.mount(side, options), {
        side,
        options: { clientOptions: env.server.clientOptions('bench-viewer'), room, ourList: env.ourList },
      });
      if (population === 'live') await driver.sendFrames(channel, populationFrames(benchCase.members));
      await page.waitForFunction((members) => window.bench.state().members >= members, benchCase.members, {
        polling: 50,
        timeout: loadCapMs,
      });
      return 'loaded' as const;
    };
    // Playwright's own timeout does not fire while the page's main thread is stuck (a renderer collecting garbage
    // until it runs out of memory), so Node keeps the cap too; a stuck page is then closed with its context.
    let capTimer: NodeJS.Timeout | undefined;
    const capped = new Promise<'stuck'>((resolve) => {
      capTimer = setTimeout(() => resolve('stuck'), loadCapMs + 5_000);
    });
    const loadOutcome = await Promise.race([
      mountAndLoad().catch((error: unknown) => {
        if (error instanceof errors.TimeoutError) return 'timeout' as const;
        // Playwright may report the crash as a failed call before the page's 'crash' event arrives.
        if (isGone(error)) return 'crashed' as const;
        throw error;
      }),
      crash,
      capped,
    ]);
    clearTimeout(capTimer);
    const loadMs = performance.now() - loadStart;
    if (loadOutcome === 'stuck') {
      const failure = `not loaded in ${Math.round(loadMs / 1000)} s (the page stopped responding)`;
      return failed(side, population, { loaded: false, loadMs, loadMainThreadMs: 0 }, failure);
    }
    // A renderer running out of memory can time out first and crash a moment later, while its metrics are read.
    const afterLoad =
      loadOutcome === 'crashed'
        ? 'crashed'
        : await Promise.race([readMetrics(cdp).catch(goneOrThrow), crash, settleAfter(10_000, 'stuck' as const)]);
    if (afterLoad === 'stuck') {
      const failure = `not loaded in ${Math.round(loadMs / 1000)} s (the page stopped responding)`;
      return failed(side, population, { loaded: false, loadMs, loadMainThreadMs: 0 }, failure);
    }
    if (afterLoad === 'crashed') {
      return failed(
        side,
        population,
        { loaded: false, loadMs, loadMainThreadMs: 0 },
        'the renderer crashed while loading',
      );
    }
    const load: LoadFigures = {
      loaded: loadOutcome === 'loaded',
      loadMs,
      loadMainThreadMs: (afterLoad.TaskDuration - loadBefore.TaskDuration) * 1000,
    };
    if (!load.loaded) return failed(side, population, load, `not loaded in ${Math.round(loadMs / 1000)} s`);

    await page.evaluate((options) => window.bench.arm(options), {
      members: benchCase.members,
      events: benchCase.events,
    });
    if (env.profileDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (env.traceDir) await env.browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const cpu = await context.newCDPSession(page);
    await cpu.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = await readMetrics(cdp);
    const cpuBefore = await readMetrics(cpu);
    const final = page.evaluate((capMs) => window.bench.whenFinal(capMs), env.capMs);
    const sendStart = performance.now();
    const stamp = (item: DriverPresence) => ({ ...(item.data as BenchData), t: Date.now() });
    await driver.sendFrames(channel, burstFrames(benchCase), stamp, env.paceMs);
    const sendMs = performance.now() - sendStart;
    if ((await Promise.race([final, crash])) === 'crashed') {
      return failed(side, population, load, 'the renderer crashed during the burst');
    }
    const after = await readMetrics(cdp);
    const cpuAfter = await readMetrics(cpu);
    if (env.traceDir) writeFileSync(join(env.traceDir, `${room}.trace.json`), await env.browser.stopTracing());
    if (env.profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(env.profileDir, `${room}.cpuprofile`), JSON.stringify(profile));
    }
    const result: BurstResult = await page.evaluate(() => window.bench.results());
    return {
      ...summarize(side, load, result, before, after, sendMs),
      mainThreadCpuMs: (cpuAfter.TaskDuration - cpuBefore.TaskDuration) * 1000,
      scriptCpuMs: (cpuAfter.ScriptDuration - cpuBefore.ScriptDuration) * 1000,
      population,
    };
  } finally {
    await context.close().catch(() => {});
    await driver.close().catch(() => {});
  }
}

/** Resolves to `value` after `ms` (the timer does not keep Node alive). */
function settleAfter<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}

/** Whether a Playwright call failed because the renderer crashed or its page went away. */
function isGone(error: unknown): boolean {
  return error instanceof Error && /Target crashed|has been closed/.test(error.message);
}

function goneOrThrow(error: unknown): 'crashed' {
  if (isGone(error)) return 'crashed';
  throw error;
}

/**
 * Side C's avatar pictures may come from api.dicebear.com, which this machine cannot reach: every request that leaves
 * the machine fails at once instead of hanging, as for an offline user. Loading avatars is not what the bench measures.
 */
async function failExternalRequests(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
}

type LoadFigures = Pick<SideResult, 'loaded' | 'loadMs' | 'loadMainThreadMs'>;

/** A side whose burst could not be measured: its figures are empty, and `failure` says why. */
function failed(side: Side, population: Population, load: LoadFigures, failure: string): SideResult {
  return {
    side,
    population,
    ...load,
    failure,
    timedOut: true,
    mainThreadMs: 0,
    scriptMs: 0,
    layoutMs: 0,
    styleMs: 0,
    wallMs: 0,
    commits: 0,
    frames: 0,
    renderMs: 0,
    latencyP50Ms: null,
    latencyP95Ms: null,
    latencySamples: 0,
    sendMs: 0,
    done: 0,
    target: 0,
  };
}

function summarize(
  side: Side,
  load: LoadFigures,
  result: BurstResult,
  before: Record<MetricName, number>,
  after: Record<MetricName, number>,
  sendMs: number,
): Omit<SideResult, 'population'> {
  const deltaMs = (name: MetricName) => (after[name] - before[name]) * 1000;
  return {
    side,
    ...load,
    failure: null,
    timedOut: result.timedOut,
    mainThreadMs: deltaMs('TaskDuration'),
    scriptMs: deltaMs('ScriptDuration'),
    layoutMs: deltaMs('LayoutDuration'),
    styleMs: deltaMs('RecalcStyleDuration'),
    wallMs: result.wallMs,
    commits: result.commits,
    frames: result.frames,
    renderMs: result.renderMs,
    latencyP50Ms: percentile(result.latencies, 0.5) ?? null,
    latencyP95Ms: percentile(result.latencies, 0.95) ?? null,
    latencySamples: result.latencies.length,
    sendMs,
    done: result.done,
    target: result.target,
  };
}

export async function readMetrics(cdp: CDPSession): Promise<Record<MetricName, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const values = Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
  const picked = {} as Record<MetricName, number>;
  for (const name of CHROMIUM_METRICS) {
    const value = values[name];
    if (typeof value !== 'number') throw new Error(`bench: Chromium reported no ${name} metric`);
    picked[name] = value;
  }
  return picked;
}

/** Every member enters at version 0, 100 per frame. */
export function populationFrames(members: number): DriverPresence[][] {
  const items: DriverPresence[] = [];
  for (let i = 0; i < members; i++) {
    items.push({ action: PresenceOp.ENTER, clientId: clientIdOf(i), data: { i, v: 0, t: 0 } satisfies BenchData });
  }
  return chunk(items, EVENTS_PER_FRAME);
}

/** The burst: updates `1..events` in order, one per frame or 100 per frame. */
function burstFrames({ members, events, delivery }: BenchCase): DriverPresence[][] {
  const items: DriverPresence[] = [];
  for (let v = 1; v <= events; v++) {
    const i = targetOf(v, members);
    items.push({ action: PresenceOp.UPDATE, clientId: clientIdOf(i), data: { i, v, t: 0 } satisfies BenchData });
  }
  return chunk(items, delivery === 'task' ? 1 : EVENTS_PER_FRAME);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

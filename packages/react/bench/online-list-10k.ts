/**
 * `<OnlineList/>` at 10,000 members (issue #11): its mount over a loaded room (script time and time to first paint), a
 * scripted scroll through the whole list (frame times, dropped frames, long tasks), and the page's JS heap beside the
 * SDK floor's with the same members.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { PresenceDriver } from './driver.js';
import { type MeasureEnv, populationFrames, readMetrics } from './measure.js';
import type { ListMountResult, Side } from './page/bench-api.js';
import { percentile } from './stats.js';

/** One animation frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

export interface OnlineList10kResult {
  members: number;
  /** CDP ScriptDuration and TaskDuration over the list's mount (the room was loaded before). */
  mountScriptMs: number;
  mountMainThreadMs: number;
  /**
   * The same two in the main thread's CPU time (CDP `Performance.enable` with `timeDomain: 'threadTicks'`, a second
   * session): what the page really ran, without the time the thread sat preempted on a loaded machine.
   */
  mountScriptCpuMs: number;
  mountMainThreadCpuMs: number;
  /** CDP LayoutDuration and RecalcStyleDuration over the mount (the browser's own work, beside the script). */
  mountLayoutMs: number;
  mountStyleMs: number;
  /** Page clock: state update to commit, and to the first frame after it. */
  mountCommitMs: number;
  mountFirstPaintMs: number;
  rowsInDom: number;
  scroll: {
    stepPx: number;
    frames: number;
    p50FrameMs: number | null;
    p95FrameMs: number | null;
    maxFrameMs: number | null;
    /** Frames a 60 Hz display would have missed: each gap of k frame intervals drops k − 1. */
    droppedFrames: number;
    longTasks: number;
    longestTaskMs: number | null;
    /** `long-animation-frame` entries (frames whose work took over 50 ms), the longest. */
    longFrames: number;
    longestFrameMs: number | null;
    /** CDP TaskDuration and ScriptDuration over the whole scroll, per frame (work, not wall time). */
    mainThreadPerFrameMs: number;
    scriptPerFrameMs: number;
    /** The same in the main thread's CPU time. */
    mainThreadCpuPerFrameMs: number;
    scriptCpuPerFrameMs: number;
  };
  /** `Runtime.getHeapUsage().usedSize` after a forced GC, in MiB. */
  heapMiB: { onlineList: number; sdkFloor: number };
  /** How many runs the figures above are the medians of, the 1-minute load average at each, and each run. */
  runs?: number;
  perRun?: (Omit<OnlineList10kResult, 'heapMiB' | 'runs' | 'perRun'> & { loadAverage: number })[];
}

/** One mount and scroll, in a fresh page. */
type ListRun = Omit<OnlineList10kResult, 'heapMiB' | 'runs' | 'perRun'> & { heapMiB: number; loadAverage: number };

/**
 * Mounts and scrolls the list `runs` times, each in a fresh page over a fresh room, and reports each figure's median
 * over the runs (the machine is shared, so one run says little); the runs themselves are kept in `perRun`.
 *
 * @example
 * const result = await measureOnlineList10k(env, 10_000);
 */
export async function measureOnlineList10k(
  env: MeasureEnv,
  members: number,
  { runs = 3, stepPx = 400 }: { runs?: number; stepPx?: number } = {},
): Promise<OnlineList10kResult> {
  const perRun: ListRun[] = [];
  for (let run = 0; run < runs; run++) {
    const loadAverage = loadavg()[0] ?? 0;
    // Only the first run is profiled: one profile per measurement is what a reader opens.
    const profileDir = run === 0 ? env.profileDir : undefined;
    const measured = await measureOnce({ ...env, tag: `${env.tag}${run}`, profileDir }, members, stepPx);
    perRun.push({ ...measured, loadAverage });
    const last = perRun[perRun.length - 1] as ListRun;
    console.log(
      `  online-list run ${run + 1}/${runs} (load ${loadAverage.toFixed(1)}): mount ${last.mountScriptMs.toFixed(1)} ms scripting, scroll p95 ${last.scroll.p95FrameMs} ms, ${last.scroll.longTasks} long tasks`,
    );
  }
  const floorHeap = await withLoadedPage(env, members, 'sdk-only', async (_page, cdp) => heapMiB(cdp));
  const med = (pick: (run: ListRun) => number | null): number => median(perRun.map(pick)) ?? Number.NaN;
  const medOrNull = (pick: (run: ListRun) => number | null): number | null => median(perRun.map(pick));
  return {
    members,
    runs,
    mountScriptMs: med((r) => r.mountScriptMs),
    mountMainThreadMs: med((r) => r.mountMainThreadMs),
    mountScriptCpuMs: med((r) => r.mountScriptCpuMs),
    mountMainThreadCpuMs: med((r) => r.mountMainThreadCpuMs),
    mountLayoutMs: med((r) => r.mountLayoutMs),
    mountStyleMs: med((r) => r.mountStyleMs),
    mountCommitMs: med((r) => r.mountCommitMs),
    mountFirstPaintMs: med((r) => r.mountFirstPaintMs),
    rowsInDom: med((r) => r.rowsInDom),
    scroll: {
      stepPx,
      frames: med((r) => r.scroll.frames),
      p50FrameMs: medOrNull((r) => r.scroll.p50FrameMs),
      p95FrameMs: medOrNull((r) => r.scroll.p95FrameMs),
      maxFrameMs: medOrNull((r) => r.scroll.maxFrameMs),
      droppedFrames: med((r) => r.scroll.droppedFrames),
      longTasks: med((r) => r.scroll.longTasks),
      longestTaskMs: medOrNull((r) => r.scroll.longestTaskMs),
      longFrames: med((r) => r.scroll.longFrames),
      longestFrameMs: medOrNull((r) => r.scroll.longestFrameMs),
      mainThreadPerFrameMs: med((r) => r.scroll.mainThreadPerFrameMs),
      scriptPerFrameMs: med((r) => r.scroll.scriptPerFrameMs),
      mainThreadCpuPerFrameMs: med((r) => r.scroll.mainThreadCpuPerFrameMs),
      scriptCpuPerFrameMs: med((r) => r.scroll.scriptCpuPerFrameMs),
    },
    heapMiB: { onlineList: med((r) => r.heapMiB), sdkFloor: floorHeap },
    perRun,
  };
}

/** The median of the numbers given (a missing figure counts as missing); null when there are none. */
function median(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  return percentile(present, 0.5) ?? null;
}

async function measureOnce(env: MeasureEnv, members: number, stepPx: number): Promise<Omit<ListRun, 'loadAverage'>> {
  const list = await withLoadedPage(env, members, 'online-list', async (page, cdp) => {
    if (env.profileDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const cpu = await page.context().newCDPSession(page);
    await cpu.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = await readMetrics(cdp);
    const cpuBefore = await readMetrics(cpu);
    const mount: ListMountResult = await page.evaluate(() => window.bench.showList());
    const after = await readMetrics(cdp);
    const cpuAfter = await readMetrics(cpu);
    if (env.profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(env.profileDir, `online-list-${members}-mount.cpuprofile`), JSON.stringify(profile));
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const scrollBefore = await readMetrics(cdp);
    const scrollCpuBefore = await readMetrics(cpu);
    const scroll = await page.evaluate((step) => window.bench.scroll(step), stepPx);
    const scrollAfter = await readMetrics(cdp);
    const scrollCpuAfter = await readMetrics(cpu);
    if (!scroll.reachedEnd) console.error('  [online-list] the scroll did not reach the end of the list');
    if (env.profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(env.profileDir, `online-list-${members}-scroll.cpuprofile`), JSON.stringify(profile));
    }
    const cpuMetrics = { cpuBefore, cpuAfter, scrollCpuBefore, scrollCpuAfter };
    return { mount, scroll, before, after, scrollBefore, scrollAfter, ...cpuMetrics, heap: await heapMiB(cdp) };
  });
  const { mount, scroll, before, after, scrollBefore, scrollAfter, cpuBefore, cpuAfter } = list;
  const perFrame = (metric: 'TaskDuration' | 'ScriptDuration', [from, to] = [scrollBefore, scrollAfter]) =>
    ((to[metric] - from[metric]) * 1000) / Math.max(1, scroll.frameMs.length);
  const cpuScroll: [typeof before, typeof after] = [list.scrollCpuBefore, list.scrollCpuAfter];
  return {
    members,
    mountScriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
    mountMainThreadMs: (after.TaskDuration - before.TaskDuration) * 1000,
    mountScriptCpuMs: (cpuAfter.ScriptDuration - cpuBefore.ScriptDuration) * 1000,
    mountMainThreadCpuMs: (cpuAfter.TaskDuration - cpuBefore.TaskDuration) * 1000,
    mountLayoutMs: (after.LayoutDuration - before.LayoutDuration) * 1000,
    mountStyleMs: (after.RecalcStyleDuration - before.RecalcStyleDuration) * 1000,
    mountCommitMs: mount.commitMs,
    mountFirstPaintMs: mount.firstPaintMs,
    rowsInDom: mount.rows,
    scroll: {
      stepPx,
      frames: scroll.frameMs.length,
      p50FrameMs: percentile(scroll.frameMs, 0.5) ?? null,
      p95FrameMs: percentile(scroll.frameMs, 0.95) ?? null,
      maxFrameMs: scroll.frameMs.length > 0 ? Math.max(...scroll.frameMs) : null,
      droppedFrames: scroll.frameMs.reduce((sum, ms) => sum + Math.max(0, Math.round(ms / FRAME_MS) - 1), 0),
      longTasks: scroll.longTasksMs.length,
      longestTaskMs: scroll.longTasksMs.length > 0 ? Math.max(...scroll.longTasksMs) : null,
      longFrames: scroll.longFramesMs.length,
      longestFrameMs: scroll.longFramesMs.length > 0 ? Math.max(...scroll.longFramesMs) : null,
      mainThreadPerFrameMs: perFrame('TaskDuration'),
      scriptPerFrameMs: perFrame('ScriptDuration'),
      mainThreadCpuPerFrameMs: perFrame('TaskDuration', cpuScroll),
      scriptCpuPerFrameMs: perFrame('ScriptDuration', cpuScroll),
    },
    heapMiB: list.heap,
  };
}

async function heapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Populates a fresh room, mounts `side` (the list hidden) in a fresh context, waits for N members, runs `use`. */
async function withLoadedPage<T>(
  env: MeasureEnv,
  members: number,
  side: Side,
  use: (page: Page, cdp: CDPSession) => Promise<T>,
): Promise<T> {
  const room = `bench-${env.tag}-list${members}-${side}`;
  const channel = `${room}::$chat`;
  const driver = await PresenceDriver.connect({ port: env.server.port, key: env.server.key });
  const context = await env.browser.newContext();
  try {
    await driver.attach(channel);
    await driver.sendFrames(channel, populationFrames(members));
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`  [page ${side}] ${error.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(env.pageUrl);
    await page.waitForFunction(() => typeof window.bench === 'object');
    await page.evaluate(({ side, options }) => window.bench.mount(side, options), {
      side,
      options: { clientOptions: env.server.clientOptions('bench-viewer'), room, listHidden: true },
    });
    await page.waitForFunction((n) => window.bench.state().members >= n, members, {
      polling: 50,
      timeout: env.loadCapMs,
    });
    return await use(page, cdp);
  } finally {
    await context.close().catch(() => {});
    await driver.close().catch(() => {});
  }
}

/**
 * `<OnlineList/>` at 10,000 members (issue #11): its mount over a loaded room (script time and time to first paint), a
 * scripted scroll through the whole list (frame times, dropped frames, long tasks), and the page's JS heap beside the
 * SDK floor's with the same members.
 */
import { writeFileSync } from 'node:fs';
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
  };
  /** `Runtime.getHeapUsage().usedSize` after a forced GC, in MiB. */
  heapMiB: { onlineList: number; sdkFloor: number };
}

/**
 * @example
 * const result = await measureOnlineList10k(env, 10_000);
 */
export async function measureOnlineList10k(
  env: MeasureEnv,
  members: number,
  stepPx = 400,
): Promise<OnlineList10kResult> {
  const list = await withLoadedPage(env, members, 'online-list', async (page, cdp) => {
    if (env.profileDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const before = await readMetrics(cdp);
    const mount: ListMountResult = await page.evaluate(() => window.bench.showList());
    const after = await readMetrics(cdp);
    if (env.profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(env.profileDir, `online-list-${members}-mount.cpuprofile`), JSON.stringify(profile));
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const scroll = await page.evaluate((step) => window.bench.scroll(step), stepPx);
    if (env.profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(env.profileDir, `online-list-${members}-scroll.cpuprofile`), JSON.stringify(profile));
    }
    return { mount, scroll, before, after, heap: await heapMiB(cdp) };
  });
  const floorHeap = await withLoadedPage(env, members, 'sdk-only', async (_page, cdp) => heapMiB(cdp));
  const { mount, scroll, before, after } = list;
  return {
    members,
    mountScriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
    mountMainThreadMs: (after.TaskDuration - before.TaskDuration) * 1000,
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
    },
    heapMiB: { onlineList: list.heap, sdkFloor: floorHeap },
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

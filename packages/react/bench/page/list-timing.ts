import type { ListMountResult, ScrollResult } from './bench-api.js';
import { onlineListControl } from './online-list-side.js';

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Renders `<OnlineList/>` over the loaded room; the commit is when its viewport is in the DOM. */
export async function showList(): Promise<ListMountResult> {
  const start = performance.now();
  onlineListControl.show(true);
  while (!document.querySelector('.pk-online-list__viewport li'))
    await new Promise((resolve) => setTimeout(resolve, 0));
  const commitMs = performance.now() - start;
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return {
    commitMs,
    firstPaintMs: performance.now() - start,
    rows: document.querySelectorAll('.pk-online-list__viewport li').length,
  };
}

/** Observes one PerformanceObserver entry type, if this Chromium has it; returns the durations seen and a stop. */
function observeDurations(type: 'longtask' | 'long-animation-frame'): { durations: number[]; stop: () => void } {
  const durations: number[] = [];
  if (!PerformanceObserver.supportedEntryTypes.includes(type)) return { durations, stop: () => {} };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type, buffered: false });
  return { durations, stop: () => observer.disconnect() };
}

/**
 * Scrolls the viewport from top to bottom, `stepPx` per animation frame, the way a user's scroll reaches the page:
 * one `scrollTop` write per frame and no reads while scrolling, so the bench forces no layout of its own. Each write
 * runs in a task just after a frame is painted, when layout is clean, so the write itself lays nothing out; the
 * browser then dispatches the scroll event at the start of the next frame, the list re-renders there, and that frame
 * is laid out and painted with the rows it shows, as with a wheel or touch scroll. (Writing inside
 * `requestAnimationFrame` instead would land after that frame's scroll event: the write would force a layout of the
 * rows just rendered, and the frame would paint the new offset over rows rendered for the previous one.) The
 * distance is read once, before the first frame. Frame times are the gaps between the frames'
 * `requestAnimationFrame` timestamps (the frame start times); long tasks and long animation frames come from
 * PerformanceObservers.
 */
export async function scroll(stepPx: number): Promise<ScrollResult> {
  const viewport = document.querySelector<HTMLElement>('.pk-online-list__viewport');
  if (!viewport) throw new Error('bench page: no OnlineList viewport to scroll');
  const distance = viewport.scrollHeight - viewport.clientHeight;
  const steps = Math.ceil(distance / stepPx);
  const longTasks = observeDurations('longtask');
  const longFrames = observeDurations('long-animation-frame');
  const frameMs: number[] = [];
  await new Promise<void>((resolve) => {
    let last: number | undefined;
    let frame = 0;
    const tick = (now: number) => {
      if (last !== undefined) frameMs.push(now - last);
      last = now;
      frame++;
      const top = Math.min(distance, frame * stepPx);
      if (frame <= steps) setTimeout(() => (viewport.scrollTop = top), 0);
      // Two frames after the last step, so its scroll event, render and paint are counted.
      if (frame < steps + 3) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  longTasks.stop();
  longFrames.stop();
  return {
    frameMs,
    longTasksMs: longTasks.durations,
    longFramesMs: longFrames.durations,
    steps,
    reachedEnd: viewport.scrollTop >= distance - 1,
  };
}

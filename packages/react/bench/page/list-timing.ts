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

/** One scroll step per animation frame until the viewport's end; frame times are the gaps between frames. */
export async function scroll(stepPx: number): Promise<ScrollResult> {
  const viewport = document.querySelector<HTMLElement>('.pk-online-list__viewport');
  if (!viewport) throw new Error('bench page: no OnlineList viewport to scroll');
  const longTasksMs: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasksMs.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const frameMs: number[] = [];
  let last = await nextFrame();
  let steps = 0;
  while (viewport.scrollTop + viewport.clientHeight < viewport.scrollHeight - 1) {
    viewport.scrollTop += stepPx;
    steps++;
    const now = await nextFrame();
    frameMs.push(now - last);
    last = now;
  }
  // Two more frames so the last step's work is counted.
  for (let i = 0; i < 2; i++) {
    const now = await nextFrame();
    frameMs.push(now - last);
    last = now;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { frameMs, longTasksMs, steps };
}

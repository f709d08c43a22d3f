'use client';

import { elementScroll, type Rect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type ReactNode, useMemo, useRef } from 'react';
import type { OnlineListRow } from './arrange-rows.js';

/** A row as the lists hand it over: an arranged row, or a bare person id (entry order needs no row objects). */
export type ListRow = OnlineListRow | string;

const VIEWPORT_STYLE: CSSProperties = { blockSize: 'var(--pk-online-list-height, 24rem)', overflow: 'auto' };

/**
 * The viewport's size from a ResizeObserver only. TanStack's default also reads `clientHeight` when the list mounts,
 * which makes the browser lay the page out in the middle of React's commit; the observer reports after the browser's
 * own layout instead. Where there is no ResizeObserver (jsdom) the initial height stands.
 */
function observeElementRect(instance: Virtualizer<HTMLElement, Element>, onRect: (rect: Rect) => void) {
  if (typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(([entry]) => entry && onRect(entry.contentRect));
  observer.observe(instance.scrollElement as HTMLElement);
  return () => observer.disconnect();
}

/**
 * TanStack's scroll, minus the write of offset 0 to a viewport it already holds at 0: on mount it scrolls the new
 * viewport to its initial offset, 0, where a new element already is, and that write would lay the page out in the
 * middle of React's commit. (With fixed row heights and the list anchored at its start, mounting is the only time
 * TanStack scrolls by itself.)
 */
const scrollToFn: typeof elementScroll = (offset, options, instance) => {
  if (offset || instance.scrollOffset) elementScroll(offset, options, instance);
};

export interface VirtualRowsProps {
  rows: readonly ListRow[];
  renderPerson: (id: string) => ReactNode;
  groupText: (status: string, count: number) => string;
  rowHeight: number;
  /** Viewport height used before the browser measures it (and on the server, and in jsdom). */
  initialHeight: number;
  /** The list's accessible name, given the number of people (or connections) in it. */
  label: (count: number) => string;
}

/**
 * The virtualized body shared by the presentational and connected lists: only rows in (and near) the viewport are
 * mounted. Rows have a fixed height, so nothing is measured per row and scrolling 10,000 rows stays cheap.
 */
export function VirtualRows({ rows, renderPerson, groupText, rowHeight, initialHeight, label }: VirtualRowsProps) {
  const viewport = useRef<HTMLElement | null>(null);
  // No getItemKey: TanStack's default (the index) keeps its O(rows) measurement pass free of per-row strings and
  // callbacks, and with fixed heights it needs no keys; React's keys are built below for the mounted rows only.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    initialRect: { width: 0, height: initialHeight },
    observeElementRect,
    scrollToFn,
  });
  // This renders on every scroll step; counting 10,000 rows each time would not be free.
  const count = useMemo(() => rows.filter((row) => typeof row === 'string' || row.kind === 'person').length, [rows]);
  return (
    <section
      ref={viewport}
      className="pk-online-list__viewport"
      // The viewport scrolls, so it is a tab stop: arrow keys and Page Up/Down then scroll it (axe
      // scrollable-region-focusable).
      // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
      tabIndex={0}
      aria-label={label(count)}
      // Functional, not decorative: without a bounded height nothing scrolls and every row would mount, so the
      // unstyled mode gets it too. Override with --pk-online-list-height.
      style={VIEWPORT_STYLE}
    >
      <ul
        className="pk-online-list__rows"
        style={{ height: virtualizer.getTotalSize(), position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}
      >
        {virtualizer.getVirtualItems().map(({ index, start }) => {
          const entry = rows[index] as ListRow;
          const row = typeof entry === 'string' ? ({ kind: 'person', id: entry } as const) : entry;
          const person = row.kind === 'person';
          return (
            <li
              // Keyed by person (or heading), not by index: a row that stays in view keeps its DOM while scrolling.
              key={person ? `p${row.id}` : `g${row.status}`}
              className={person ? 'pk-online-list__row' : 'pk-online-list__group'}
              data-index={index}
              // Only a window of the list is in the DOM, so tell assistive technology where each row sits in it.
              aria-setsize={rows.length}
              aria-posinset={index + 1}
              // Set once per row: a mounted row keeps its place while scrolling, so nothing here changes per frame.
              style={{ position: 'absolute', insetInline: 0, top: start, height: rowHeight }}
            >
              {person ? (
                renderPerson(row.id)
              ) : (
                <span className="pk-online-list__group-label">{groupText(row.status, row.count)}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

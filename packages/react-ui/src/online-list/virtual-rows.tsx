'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type ReactNode, useCallback, useMemo, useRef } from 'react';
import type { OnlineListRow } from './arrange-rows.js';

const VIEWPORT_STYLE: CSSProperties = { blockSize: 'var(--pk-online-list-height, 24rem)', overflow: 'auto' };

export interface VirtualRowsProps {
  rows: readonly OnlineListRow[];
  renderPerson: (id: string) => ReactNode;
  renderGroup: (status: string, count: number) => ReactNode;
  rowHeight: number;
  /** Viewport height used before the browser measures it (and on the server, and in jsdom). */
  initialHeight: number;
  label: string;
}

/**
 * The virtualized body shared by the presentational and connected lists: only rows in (and near) the viewport are
 * mounted. Rows have a fixed height, so nothing is measured per row and scrolling 10,000 rows stays cheap.
 */
export function VirtualRows({ rows, renderPerson, renderGroup, rowHeight, initialHeight, label }: VirtualRowsProps) {
  const viewport = useRef<HTMLElement | null>(null);
  // Stable callbacks: the virtualizer recomputes every row's measurement (O(rows)) whenever `getItemKey` or
  // `estimateSize` changes identity, which at 10,000 rows would cost a few ms on every scroll frame.
  const getItemKey = useCallback(
    (index: number) => {
      const row = rows[index];
      return !row ? index : row.kind === 'person' ? `p:${row.id}` : `g:${row.status}`;
    },
    [rows],
  );
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const getScrollElement = useCallback(() => viewport.current, []);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize,
    overscan: 6,
    initialRect: { width: 0, height: initialHeight },
    getItemKey,
  });
  const personCount = useMemo(
    () => rows.reduce((count, row) => (row.kind === 'person' ? count + 1 : count), 0),
    [rows],
  );
  return (
    <section
      ref={viewport}
      className="pk-online-list__viewport"
      // The viewport scrolls, so it is a tab stop: arrow keys and Page Up/Down then scroll it (axe
      // scrollable-region-focusable).
      // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
      tabIndex={0}
      aria-label={label}
      // Functional, not decorative: without a bounded height nothing scrolls and every row would mount, so the
      // unstyled mode gets it too. Override with --pk-online-list-height.
      style={VIEWPORT_STYLE}
    >
      <ul
        className="pk-online-list__rows"
        style={{ height: virtualizer.getTotalSize(), position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={item.key}
              className={row.kind === 'group' ? 'pk-online-list__group' : 'pk-online-list__row'}
              data-index={item.index}
              aria-setsize={row.kind === 'person' ? personCount : undefined}
              style={{
                position: 'absolute',
                top: 0,
                insetInlineStart: 0,
                width: '100%',
                height: rowHeight,
                transform: `translateY(${item.start}px)`,
              }}
            >
              {row.kind === 'person' ? renderPerson(row.id) : renderGroup(row.status, row.count)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type ReactNode, useMemo, useRef } from 'react';
import type { OnlineListRow } from './arrange-rows.js';
import type { OnlineListText } from './online-list-frame.js';

/** A row as the lists hand it over: an arranged row, or a bare person id (entry order needs no row objects). */
export type ListRow = OnlineListRow | string;

const VIEWPORT_STYLE: CSSProperties = { blockSize: 'var(--pk-online-list-height, 24rem)', overflow: 'auto' };

export interface VirtualRowsProps {
  rows: readonly ListRow[];
  /** A person's row content, given their id and the "(you)" text. */
  renderPerson: (id: string, youText: string) => ReactNode;
  text: OnlineListText;
  /** What a row is, for the list's accessible name. */
  rowsPer: 'person' | 'connection';
  rowHeight: number;
  /** Viewport height used before the browser measures it (and on the server, and in jsdom). */
  initialHeight: number;
}

/**
 * The virtualized body shared by the presentational and connected lists: only rows in (and near) the viewport are
 * mounted. Rows have a fixed height, so nothing is measured per row and scrolling 10,000 rows stays cheap.
 */
export function VirtualRows({ rows, renderPerson, text, rowsPer, rowHeight, initialHeight }: VirtualRowsProps) {
  const viewport = useRef<HTMLElement | null>(null);
  // No getItemKey: TanStack's default (the index) keeps its O(rows) measurement pass free of per-row strings and
  // callbacks, and with fixed heights it needs no keys; React's keys are built below for the mounted rows only.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    initialRect: { width: 0, height: initialHeight },
  });
  // Bare ids (entry order) are all people; only arranged rows can hold headings, so only they are counted one by one.
  const count = useMemo(
    () =>
      typeof rows[0] === 'string' ? rows.length : rows.filter((row) => (row as OnlineListRow).kind === 'person').length,
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
      aria-label={text.label(count, rowsPer)}
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
                renderPerson(row.id, text.you)
              ) : (
                <span className="pk-online-list__group-label">{text.group(row.status, row.count)}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

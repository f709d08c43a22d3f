'use client';

import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useId } from 'react';
import { cx } from '../internal/cx.js';
import type { PersonSummary } from '../person-summary.js';
import type { LoadState } from '../viewer-count/viewer-count-view.js';
import { OnlineListItem } from './online-list-item.js';
import { type ListRow, VirtualRows } from './virtual-rows.js';

/** Text the list shows; override to translate. */
export interface OnlineListText {
  /**
   * The list's accessible name, given the number of rows shown and what a row is: a person (`person`, the default)
   * or a connection (`rowsPer="connection"`, or `perConnection` on the view).
   */
  label: (count: number, rowsPer: 'person' | 'connection') => string;
  empty: string;
  noMatches: string;
  loading: string;
  error: string;
  searchLabel: string;
  searchPlaceholder: string;
  /** A status group's heading. */
  group: (status: string, count: number) => string;
  you: string;
}

export const DEFAULT_ONLINE_LIST_TEXT: OnlineListText = {
  label: (count, rowsPer) =>
    rowsPer === 'connection'
      ? `${count} connection${count === 1 ? '' : 's'} online`
      : count === 1
        ? '1 person online'
        : `${count} people online`,
  empty: 'No one is here yet.',
  noMatches: 'No one matches your search.',
  loading: 'Loading who is here…',
  error: 'Could not load who is here.',
  searchLabel: 'Search people',
  searchPlaceholder: 'Search',
  group: (status, count) => `${status || 'No status'} (${count})`,
  you: '(you)',
};

export interface OnlineListFrameProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  state: LoadState;
  rows: readonly ListRow[];
  rowsPer: 'person' | 'connection';
  /** A person's row content, given their id and the "(you)" text. */
  renderPerson: (id: string, youText: string) => ReactNode;
  search: string;
  onSearchChange: (value: string) => void;
  searchable?: boolean | undefined;
  rowHeight?: number | undefined;
  initialHeight?: number | undefined;
  text?: Partial<OnlineListText> | undefined;
}

/**
 * What the presentational and connected lists share: the root element, the search box, the empty, loading and error
 * states, and the virtual rows. The two differ only in where rows and people come from.
 */
export const OnlineListFrame = forwardRef<HTMLDivElement, OnlineListFrameProps>(function OnlineListFrame(
  {
    state,
    rows,
    rowsPer,
    renderPerson,
    search,
    onSearchChange,
    searchable,
    rowHeight = 44,
    // The default viewport height (24rem): the first render then shows the window the browser lays out, and the
    // virtualizer need not render the rows again once it reads the real size.
    initialHeight = 384,
    text: overrides,
    className,
    ...rest
  },
  ref,
) {
  const searchId = useId();
  const text = { ...DEFAULT_ONLINE_LIST_TEXT, ...overrides };
  const shown = state === 'ready' && rows.length === 0 ? 'empty' : state;
  return (
    <div ref={ref} className={cx('pk-online-list', className)} data-pk-state={shown} {...rest}>
      {searchable ? (
        <div className="pk-online-list__search">
          <label htmlFor={searchId} className="pk-online-list__search-label">
            {text.searchLabel}
          </label>
          <input
            id={searchId}
            type="search"
            className="pk-input"
            value={search}
            placeholder={text.searchPlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onSearchChange(event.target.value)}
          />
        </div>
      ) : null}
      {shown === 'ready' ? (
        <VirtualRows
          // The virtualizer sizes rows once, when they are counted; a new height starts it afresh.
          key={rowHeight}
          rows={rows}
          rowHeight={rowHeight}
          initialHeight={initialHeight}
          text={text}
          rowsPer={rowsPer}
          renderPerson={renderPerson}
        />
      ) : (
        <p className="pk-online-list__message" role={shown === 'error' ? 'alert' : 'status'}>
          {text[shown === 'empty' ? (search.trim() ? 'noMatches' : 'empty') : shown]}
        </p>
      )}
    </div>
  );
});

/** A person's row content: the caller's `renderItem`, or the default item. */
export function personContent(
  person: PersonSummary,
  renderItem: ((person: PersonSummary) => ReactNode) | undefined,
  youText: string,
): ReactNode {
  return renderItem ? renderItem(person) : <OnlineListItem person={person} youText={youText} />;
}

'use client';

import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useId } from 'react';
import { cx } from '../internal/cx.js';
import type { LoadState } from '../viewer-count/viewer-count-view.js';

/** Text the list shows; override to translate. */
export interface OnlineListText {
  /** The list's accessible name, given the number of people shown. */
  label: (count: number) => string;
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
  label: (count) => (count === 1 ? '1 person online' : `${count} people online`),
  empty: 'No one is here yet.',
  noMatches: 'No one matches your search.',
  loading: 'Loading who is here…',
  error: 'Could not load who is here.',
  searchLabel: 'Search people',
  searchPlaceholder: 'Search',
  group: (status, count) => `${status || 'No status'} (${count})`,
  you: '(you)',
};

export interface OnlineListFrameProps extends ComponentPropsWithoutRef<'div'> {
  state: LoadState;
  isEmpty: boolean;
  isFiltered: boolean;
  text: OnlineListText;
  searchable: boolean;
  search: string;
  onSearchChange: (value: string) => void;
  body: ReactNode;
}

/** Root element, search box and the empty, loading and error states around the virtual rows. */
export const OnlineListFrame = forwardRef<HTMLDivElement, OnlineListFrameProps>(function OnlineListFrame(
  { state, isEmpty, isFiltered, text, searchable, search, onSearchChange, body, className, ...rest },
  ref,
) {
  const searchId = useId();
  const dataState = state !== 'ready' ? state : isEmpty ? 'empty' : 'ready';
  return (
    <div ref={ref} className={cx('pk-online-list', className)} data-pk-state={dataState} {...rest}>
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
      {state === 'ready' && !isEmpty ? (
        body
      ) : (
        <p className="pk-online-list__message" role={state === 'error' ? 'alert' : 'status'}>
          {state === 'loading'
            ? text.loading
            : state === 'error'
              ? text.error
              : isFiltered
                ? text.noMatches
                : text.empty}
        </p>
      )}
    </div>
  );
});

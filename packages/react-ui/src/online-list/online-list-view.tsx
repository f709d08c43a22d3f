'use client';

import { type ComponentPropsWithoutRef, forwardRef, memo, type ReactNode, useMemo, useState } from 'react';
import { dedupePeople } from '../internal/dedupe.js';
import type { PersonSummary } from '../person-summary.js';
import type { LoadState } from '../viewer-count/viewer-count-view.js';
import { arrangeRows, type OnlineListSort } from './arrange-rows.js';
import { OnlineListFrame, type OnlineListText, personContent } from './online-list-frame.js';

/** Props shared by the presentational and connected lists. */
export interface OnlineListCommonProps {
  /** Default `joined` (entry order). Self is always first. */
  sortBy?: OnlineListSort;
  /** Group rows under status headings. */
  groupByStatus?: boolean;
  /** Statuses in display order for sorting and grouping. */
  statusOrder?: readonly string[];
  /** Show a search box that filters by name. */
  searchable?: boolean;
  /** Initial search text. */
  defaultSearch?: string;
  /** Replaces each row's content. Rows are a fixed `rowHeight` tall. */
  renderItem?: (person: PersonSummary) => ReactNode;
  /** Row height in px. Default 44. */
  rowHeight?: number;
  /** Viewport height in px used before layout (and on the server). Default 384, the default CSS height (24rem). */
  initialHeight?: number;
  /** Override any text, for translation. */
  text?: Partial<OnlineListText>;
  locale?: string;
  className?: string;
}

/** Props of {@link OnlineListView}. */
export interface OnlineListViewProps
  extends OnlineListCommonProps,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'className'> {
  people: readonly PersonSummary[];
  /** One row per connection instead of one per person. Default false: people are de-duplicated by clientId. */
  perConnection?: boolean;
  /** Default `ready`. */
  state?: LoadState;
}

/**
 * A presentational, virtualized list of who is online: 10,000 people mount only the few dozen rows in view.
 *
 * @example
 * <OnlineListView people={people} sortBy="name" groupByStatus searchable />
 */
export const OnlineListView = forwardRef<HTMLDivElement, OnlineListViewProps>(function OnlineListView(
  {
    people,
    perConnection = false,
    state = 'ready',
    sortBy,
    groupByStatus,
    statusOrder,
    defaultSearch = '',
    renderItem,
    locale,
    ...rest
  },
  ref,
) {
  const [search, setSearch] = useState(defaultSearch);
  const items = useMemo(() => (perConnection ? people : dedupePeople(people)), [people, perConnection]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const rows = useMemo(
    () => arrangeRows(items, { sortBy, groupByStatus, statusOrder, search, locale }),
    [items, sortBy, groupByStatus, statusOrder, search, locale],
  );
  return (
    <OnlineListFrame
      ref={ref}
      state={state}
      rows={rows}
      rowsPer={perConnection ? 'connection' : 'person'}
      search={search}
      onSearchChange={setSearch}
      renderPerson={(id, youText) => {
        const person = byId.get(id);
        return person ? <ViewRow person={person} renderItem={renderItem} youText={youText} /> : null;
      }}
      {...rest}
    />
  );
});

/** Memoized, so scrolling mounts the rows that come into view without re-rendering the ones already there. */
const ViewRow = memo(function ViewRow({
  person,
  renderItem,
  youText,
}: {
  person: PersonSummary;
  renderItem: ((person: PersonSummary) => ReactNode) | undefined;
  youText: string;
}) {
  return personContent(person, renderItem, youText);
});

'use client';

import { type ComponentPropsWithoutRef, forwardRef, memo, type ReactNode, useMemo, useState } from 'react';
import { dedupePeople } from '../internal/dedupe.js';
import type { PersonSummary } from '../person-summary.js';
import type { LoadState } from '../viewer-count/viewer-count-view.js';
import { arrangeRows, type OnlineListSort } from './arrange-rows.js';
import { DEFAULT_ONLINE_LIST_TEXT, OnlineListFrame, type OnlineListText } from './online-list-frame.js';
import { OnlineListItem } from './online-list-item.js';
import { VirtualRows } from './virtual-rows.js';

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
  /** Viewport height in px used before layout (and on the server). Default 400; CSS sets the real height. */
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
    searchable = false,
    defaultSearch = '',
    renderItem,
    rowHeight = 44,
    initialHeight = 400,
    text: textOverrides,
    locale,
    ...rest
  },
  ref,
) {
  const [search, setSearch] = useState(defaultSearch);
  const text = { ...DEFAULT_ONLINE_LIST_TEXT, ...textOverrides };
  const items = useMemo(() => (perConnection ? people : dedupePeople(people)), [people, perConnection]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const rows = useMemo(
    () => arrangeRows(items, { sortBy, groupByStatus, statusOrder, search, locale }),
    [items, sortBy, groupByStatus, statusOrder, search, locale],
  );
  const shown = rows.filter((row) => row.kind === 'person').length;
  return (
    <OnlineListFrame
      ref={ref}
      state={state}
      isEmpty={rows.length === 0}
      isFiltered={search.trim() !== ''}
      text={text}
      searchable={searchable}
      search={search}
      onSearchChange={setSearch}
      body={
        <VirtualRows
          rows={rows}
          rowHeight={rowHeight}
          initialHeight={initialHeight}
          label={text.label(shown)}
          renderGroup={(status, count) => (
            <span className="pk-online-list__group-label">{text.group(status, count)}</span>
          )}
          renderPerson={(id) => {
            const person = byId.get(id);
            return person ? <ViewRow person={person} renderItem={renderItem} youText={text.you} /> : null;
          }}
        />
      }
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
  return renderItem ? renderItem(person) : <OnlineListItem person={person} youText={youText} />;
});

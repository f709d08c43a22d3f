'use client';

import {
  useIsPresent,
  useMember,
  useMemberKeys,
  usePeople,
  usePerson,
  usePersonIds,
  usePresenceListener,
} from '@presence-kit/react';
import { type ComponentPropsWithoutRef, forwardRef, memo, type ReactNode, useMemo, useState } from 'react';
import { useRoomLoadState } from '../internal/room-load-state.js';
import { summarizeMember, summarizePerson } from '../internal/summarize.js';
import { useSelfClientId } from '../internal/use-self-client-id.js';
import type { PersonSummary, PresenceAccessor } from '../person-summary.js';
import { arrangeRows, type OnlineListRow, rowsEqual } from './arrange-rows.js';
import { OnlineListFrame, personContent } from './online-list-frame.js';
import type { OnlineListCommonProps } from './online-list-view.js';

/** Props of {@link OnlineList}. */
export interface OnlineListProps
  extends OnlineListCommonProps,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'className'> {
  /** Room name; default the enclosing `<PresenceRoom>`. */
  room?: string;
  /** `person` (default): one row per clientId with a device count. `connection`: one row per tab or device. */
  rowsPer?: 'person' | 'connection';
  /** Reads name, avatar and status from presence data. Default: `data.name`, `data.avatarUrl`, `data.status`. */
  accessor?: PresenceAccessor;
}

const NO_ROWS: readonly OnlineListRow[] = Object.freeze([]);

/**
 * Who is online in the room, virtualized. The list holds only ids (`usePersonIds` / `useMemberKeys`); each mounted
 * row reads its own person (`usePerson` / `useMember`), so a status change re-renders one row, not 10,000.
 * Sorting by name or status, grouping and search read every member through a selector that returns the row order,
 * so the list itself re-renders only when that order changes.
 *
 * @example
 * <OnlineList sortBy="name" groupByStatus searchable />
 */
export const OnlineList = forwardRef<HTMLDivElement, OnlineListProps>(function OnlineList(
  {
    room,
    rowsPer = 'person',
    accessor,
    sortBy = 'joined',
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
  const state = useRoomLoadState(room, 'members');
  const self = useSelfClientId(room);
  const perPerson = rowsPer === 'person';
  const arranged = sortBy !== 'joined' || !!groupByStatus || !!search.trim();
  // Other orders need the data: the selector returns rows, and `rowsEqual` keeps the list still unless they move.
  const arrange =
    <T,>(summarize: Summarize<T>, active: boolean) =>
    (items: readonly T[]) =>
      arranged && active
        ? arrangeRows(
            items.map((item) => summarize(item, accessor, self)),
            { sortBy, groupByStatus, statusOrder, search, locale },
          )
        : NO_ROWS;
  const personRows = usePeople({ room, select: arrange(summarizePerson, perPerson), isEqual: rowsEqual });
  const memberRows = usePresenceListener({ room, select: arrange(summarizeMember, !perPerson), isEqual: rowsEqual });
  // Entry order needs ids only: these arrays change only when someone joins or leaves, never on a data update, and
  // become rows as they are (no object per row).
  const personIds = usePersonIds({ room });
  const memberKeys = useMemberKeys({ room });
  const ids = perPerson ? personIds : memberKeys;
  // Looked up, not searched for: when I am not in the room the ids become rows as they are, with no pass over them.
  const present = useIsPresent({ room, clientId: self ?? '' });
  const plainRows = useMemo(() => {
    // My row (or my connections' rows, keyed `clientId:connectionId`) first.
    const mine = (id: string) => (perPerson ? id === self : id.startsWith(`${self}:`));
    const first = present && !arranged ? ids.filter(mine) : [];
    return first.length ? [...first, ...ids.filter((id) => !mine(id))] : ids;
  }, [arranged, ids, perPerson, self, present]);
  const Row = perPerson ? PersonRow : MemberRow;

  return (
    <OnlineListFrame
      ref={ref}
      state={state}
      rows={arranged ? (perPerson ? personRows : memberRows) : plainRows}
      rowsPer={rowsPer}
      search={search}
      onSearchChange={setSearch}
      renderPerson={(id, youText) => (
        <Row id={id} room={room} accessor={accessor} self={self} renderItem={renderItem} youText={youText} />
      )}
      {...rest}
    />
  );
});

type Summarize<T> = (item: T, accessor: PresenceAccessor | undefined, self: string | undefined) => PersonSummary;

interface RowProps {
  id: string;
  room: string | undefined;
  accessor: PresenceAccessor | undefined;
  self: string | undefined;
  renderItem: ((person: PersonSummary) => ReactNode) | undefined;
  youText: string;
}

/** One person's row: subscribes to that person only, so their update re-renders this row alone. */
const PersonRow = memo(function PersonRow(props: RowProps) {
  return rowContent(usePerson({ room: props.room, clientId: props.id }), summarizePerson, props);
});

/** One connection's row: subscribes to that member only. */
const MemberRow = memo(function MemberRow(props: RowProps) {
  return rowContent(useMember({ room: props.room, key: props.id }), summarizeMember, props);
});

// Summaries are cached per store object, so a row that re-renders with the same person builds nothing.
function rowContent<T>(
  item: T | undefined,
  summarize: Summarize<T>,
  { accessor, self, renderItem, youText }: RowProps,
) {
  return item ? personContent(summarize(item, accessor, self), renderItem, youText) : null;
}

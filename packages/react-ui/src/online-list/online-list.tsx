'use client';

import {
  type Person,
  type PresenceKitMember,
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
import { DEFAULT_ONLINE_LIST_TEXT, OnlineListFrame } from './online-list-frame.js';
import { OnlineListItem } from './online-list-item.js';
import type { OnlineListCommonProps } from './online-list-view.js';
import { VirtualRows } from './virtual-rows.js';

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
    groupByStatus = false,
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
  const state = useRoomLoadState(room, 'members');
  const selfClientId = useSelfClientId(room);
  const perPerson = rowsPer === 'person';
  const arranged = sortBy !== 'joined' || groupByStatus || search.trim() !== '';
  const options = { sortBy, groupByStatus, statusOrder, search, locale };

  // Entry order needs ids only: these arrays change only when someone joins or leaves, never on a data update.
  const personIds = usePersonIds({ room });
  const memberKeys = useMemberKeys({ room });
  // Other orders need the data; the selector returns rows, and `rowsEqual` keeps the list still unless they move.
  const personRows = usePeople({
    room,
    select: (people: readonly Person[]) =>
      arranged && perPerson
        ? arrangeRows(
            people.map((person) => summarizePerson(person, accessor, selfClientId)),
            options,
          )
        : NO_ROWS,
    isEqual: rowsEqual,
  });
  const memberRows = usePresenceListener({
    room,
    select: (members: readonly PresenceKitMember[]) =>
      arranged && !perPerson
        ? arrangeRows(
            members.map((member) => summarizeMember(member, accessor, selfClientId)),
            options,
          )
        : NO_ROWS,
    isEqual: rowsEqual,
  });

  const ids = perPerson ? personIds : memberKeys;
  const plainRows = useMemo(() => {
    if (arranged) return NO_ROWS;
    const isSelf = (id: string) => (perPerson ? id === selfClientId : id.startsWith(`${selfClientId}:`));
    const self = selfClientId === undefined ? [] : ids.filter(isSelf);
    const rest = self.length === 0 ? ids : ids.filter((id) => !isSelf(id));
    return [...self, ...rest].map((id): OnlineListRow => ({ kind: 'person', id }));
  }, [arranged, ids, perPerson, selfClientId]);
  const rows = arranged ? (perPerson ? personRows : memberRows) : plainRows;
  const shown = rows.reduce((count, row) => (row.kind === 'person' ? count + 1 : count), 0);
  const Row = perPerson ? PersonRow : MemberRow;

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
          renderPerson={(id) => (
            <Row
              id={id}
              room={room}
              accessor={accessor}
              selfClientId={selfClientId}
              renderItem={renderItem}
              youText={text.you}
            />
          )}
        />
      }
      {...rest}
    />
  );
});

interface RowProps {
  id: string;
  room: string | undefined;
  accessor: PresenceAccessor | undefined;
  selfClientId: string | undefined;
  renderItem: ((person: PersonSummary) => ReactNode) | undefined;
  youText: string;
}

/** One person's row: subscribes to that person only. */
const PersonRow = memo(function PersonRow({ id, room, accessor, selfClientId, renderItem, youText }: RowProps) {
  const person = usePerson({ room, clientId: id });
  const summary = useMemo(
    () => (person ? summarizePerson(person, accessor, selfClientId) : undefined),
    [person, accessor, selfClientId],
  );
  if (!summary) return null;
  return renderItem ? renderItem(summary) : <OnlineListItem person={summary} youText={youText} />;
});

/** One connection's row: subscribes to that member only. */
const MemberRow = memo(function MemberRow({ id, room, accessor, selfClientId, renderItem, youText }: RowProps) {
  const member = useMember({ room, key: id });
  const summary = useMemo(
    () => (member ? summarizeMember(member, accessor, selfClientId) : undefined),
    [member, accessor, selfClientId],
  );
  if (!summary) return null;
  return renderItem ? renderItem(summary) : <OnlineListItem person={summary} youText={youText} />;
});

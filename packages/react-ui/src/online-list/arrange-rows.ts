import type { PersonSummary } from '../person-summary.js';

/** How the list is ordered: entry order (`joined`), by name, or by status. Self is always first. */
export type OnlineListSort = 'joined' | 'name' | 'status';

/** One virtual row: a person (by id) or a status group's heading. */
export type OnlineListRow =
  | { readonly kind: 'person'; readonly id: string }
  | { readonly kind: 'group'; readonly status: string; readonly count: number };

/** Options that decide which rows show and in what order. */
export interface ArrangeOptions {
  sortBy?: OnlineListSort;
  groupByStatus?: boolean;
  /** Case- and accent-insensitive substring match on the name. */
  search?: string;
  /** Statuses in display order; unknown statuses follow alphabetically, then people with none. */
  statusOrder?: readonly string[];
  locale?: string;
}

/** The default status order for sorting and grouping. */
export const DEFAULT_STATUS_ORDER: readonly string[] = ['online', 'away', 'busy', 'offline'];

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * Filters, sorts and groups people into virtual rows. Pure, so the connected list runs it inside a store selector
 * and re-renders only when the resulting order changes (see {@link rowsEqual}).
 *
 * @example
 * arrangeRows(people, { sortBy: 'name', groupByStatus: true });
 */
export function arrangeRows(people: readonly PersonSummary[], options: ArrangeOptions = {}): OnlineListRow[] {
  const { sortBy, groupByStatus, search = '', statusOrder = DEFAULT_STATUS_ORDER, locale } = options;
  const needle = fold(search.trim());
  // One collator per call, not per comparison: building one costs far more than a compare.
  const compareNames = new Intl.Collator(locale, { sensitivity: 'base', numeric: true }).compare;
  // Known statuses in their order, then unknown ones, then none.
  const rank = (status = '') => {
    const index = statusOrder.indexOf(status);
    return status ? (index < 0 ? statusOrder.length : index) : statusOrder.length + 1;
  };
  // Statuses that collate alike but differ ("Busy", "busy") stay apart, so each gets one heading.
  const compareStatus = ({ status: a = '' }: PersonSummary, { status: b = '' }: PersonSummary) =>
    rank(a) - rank(b) || compareNames(a, b) || Number(a > b) - Number(a < b);
  // One stable sort: status groups first when grouping, then me, then the chosen order (entry order for `joined`).
  const items = people
    .filter((person) => !needle || fold(person.name).includes(needle))
    .sort(
      (a, b) =>
        (groupByStatus ? compareStatus(a, b) : 0) ||
        Number(!!b.isSelf) - Number(!!a.isSelf) ||
        (sortBy === 'name'
          ? compareNames(a.name, b.name)
          : sortBy === 'status'
            ? compareStatus(a, b) || compareNames(a.name, b.name)
            : 0),
    );
  const rows: OnlineListRow[] = [];
  let group: { kind: 'group'; status: string; count: number } | undefined;
  for (const { id, status = '' } of items) {
    if (groupByStatus && status !== group?.status) {
      group = { kind: 'group', status, count: 0 };
      rows.push(group);
    }
    if (group) group.count++;
    rows.push({ kind: 'person', id });
  }
  return rows;
}

/** Row lists are equal when every row is the same person or the same heading with the same count. */
export function rowsEqual(a: readonly OnlineListRow[], b: readonly OnlineListRow[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((row, index) => {
        const other = b[index] as RowFields;
        return (
          row.kind === other.kind &&
          (row as RowFields).id === other.id &&
          (row as RowFields).status === other.status &&
          (row as RowFields).count === other.count
        );
      }))
  );
}

/** Either kind of row, read field by field. */
type RowFields = { kind: string; id?: string; status?: string; count?: number };

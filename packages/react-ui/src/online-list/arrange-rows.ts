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
/** The group heading for people with no status. */
export const NO_STATUS = '';

const collators = new Map<string, Intl.Collator>();
function collator(locale: string | undefined): Intl.Collator {
  const key = locale ?? '';
  let value = collators.get(key);
  if (!value) {
    value = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(key, value);
  }
  return value;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * Filters, sorts and groups people into virtual rows. Pure, so the connected list runs it inside a store selector
 * and re-renders only when the resulting order changes (see {@link rowsEqual}).
 *
 * @example
 * arrangeRows(people, { sortBy: 'name', groupByStatus: true });
 */
export function arrangeRows(people: readonly PersonSummary[], options: ArrangeOptions = {}): OnlineListRow[] {
  const { sortBy = 'joined', groupByStatus = false, search = '', statusOrder = DEFAULT_STATUS_ORDER, locale } = options;
  const needle = fold(search.trim());
  let items = needle ? people.filter((person) => fold(person.name).includes(needle)) : [...people];
  const compareNames = collator(locale).compare;
  const rank = (status: string | undefined) => {
    if (!status) return statusOrder.length + 1;
    const index = statusOrder.indexOf(status);
    return index === -1 ? statusOrder.length : index;
  };
  const compareStatus = (a: PersonSummary, b: PersonSummary) =>
    rank(a.status) - rank(b.status) || compareNames(a.status ?? '', b.status ?? '');

  if (sortBy === 'name') items.sort((a, b) => compareNames(a.name, b.name));
  else if (sortBy === 'status') items.sort((a, b) => compareStatus(a, b) || compareNames(a.name, b.name));
  // Array.prototype.sort is stable, so grouping keeps the chosen order inside each group.
  if (groupByStatus) items.sort(compareStatus);
  items = selfFirstWithinGroups(items, groupByStatus);

  if (!groupByStatus) return items.map((person) => ({ kind: 'person', id: person.id }));
  const rows: OnlineListRow[] = [];
  let index = 0;
  while (index < items.length) {
    const status = items[index]?.status ?? NO_STATUS;
    let end = index;
    while (end < items.length && (items[end]?.status ?? NO_STATUS) === status) end++;
    rows.push({ kind: 'group', status, count: end - index });
    for (let at = index; at < end; at++) rows.push({ kind: 'person', id: (items[at] as PersonSummary).id });
    index = end;
  }
  return rows;
}

function selfFirstWithinGroups(items: PersonSummary[], grouped: boolean): PersonSummary[] {
  const selfIndex = items.findIndex((item) => item.isSelf);
  if (selfIndex <= 0) return items;
  const self = items[selfIndex] as PersonSummary;
  let target = 0;
  if (grouped) {
    target = items.findIndex((item) => (item.status ?? NO_STATUS) === (self.status ?? NO_STATUS));
  }
  const result = [...items];
  result.splice(selfIndex, 1);
  result.splice(target, 0, self);
  return result;
}

/** Row lists are equal when every row is the same person or the same heading with the same count. */
export function rowsEqual(a: readonly OnlineListRow[], b: readonly OnlineListRow[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const left = a[index] as OnlineListRow;
    const right = b[index] as OnlineListRow;
    if (left.kind !== right.kind) return false;
    if (left.kind === 'person' && right.kind === 'person' && left.id !== right.id) return false;
    if (left.kind === 'group' && right.kind === 'group' && (left.status !== right.status || left.count !== right.count))
      return false;
  }
  return true;
}

'use client';

import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { cx } from '../internal/cx.js';
import { formatCompact, formatExact } from '../internal/format-count.js';
import { MAX_NAME_LENGTH, safeText } from '../internal/safe-text.js';
import { VisuallyHidden } from '../internal/visually-hidden.js';
import type { LoadState } from '../viewer-count/viewer-count-view.js';

/** One room in the lobby. */
export interface ActiveRoomSummary {
  room: string;
  /** People present (presence members). */
  present: number;
  /** Connections attached (everyone watching, present or not). */
  connections: number;
}

/** Words the lobby shows; override to translate. */
export interface ActiveRoomsText {
  present: string;
  watching: string;
  empty: string;
  loading: string;
  error: string;
  loadMore: string;
  loadingMore: string;
}

const DEFAULT_TEXT: ActiveRoomsText = {
  present: 'present',
  watching: 'watching',
  empty: 'No rooms are active right now.',
  loading: 'Loading rooms…',
  error: 'Could not load rooms.',
  loadMore: 'Load more rooms',
  loadingMore: 'Loading…',
};

/** Props of {@link ActiveRoomsView}. */
export interface ActiveRoomsViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  rooms: readonly ActiveRoomSummary[];
  /** Default `ready`. */
  state?: LoadState;
  hasMore?: boolean;
  isLoadingMore?: boolean;
  onLoadMore?: () => void;
  /** What each room's name renders as, for example a link. Default: the name as text. */
  renderRoomName?: (room: string) => ReactNode;
  /** Accessible name of the list. Default "Active rooms". */
  label?: string;
  /** Override any words, for translation. */
  text?: Partial<ActiveRoomsText>;
  locale?: string;
}

/**
 * A presentational lobby: rooms with how many are present and watching, and a "Load more" button for paging.
 *
 * @example
 * <ActiveRoomsView rooms={[{ room: 'lobby', present: 12, connections: 40 }]} />
 */
export const ActiveRoomsView = forwardRef<HTMLDivElement, ActiveRoomsViewProps>(function ActiveRoomsView(
  {
    rooms,
    state = 'ready',
    hasMore = false,
    isLoadingMore = false,
    onLoadMore,
    renderRoomName,
    label = 'Active rooms',
    text: textOverrides,
    locale,
    className,
    ...rest
  },
  ref,
) {
  const text = { ...DEFAULT_TEXT, ...textOverrides };
  const dataState = state !== 'ready' ? state : rooms.length === 0 ? 'empty' : 'ready';
  return (
    <div ref={ref} className={cx('pk-active-rooms', className)} data-pk-state={dataState} {...rest}>
      {state === 'ready' && rooms.length > 0 ? (
        <ul className="pk-active-rooms__list" aria-label={label}>
          {rooms.map((room) => {
            const name = safeText(room.room, MAX_NAME_LENGTH) || room.room;
            return (
              <li key={room.room} className="pk-active-rooms__room">
                <bdi className="pk-name pk-active-rooms__name">{renderRoomName ? renderRoomName(room.room) : name}</bdi>
                <span className="pk-active-rooms__counts">
                  <Count value={room.present} unit={text.present} locale={locale} />
                  <Count value={room.connections} unit={text.watching} locale={locale} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="pk-active-rooms__message" role={state === 'error' ? 'alert' : 'status'}>
          {state === 'loading' ? text.loading : state === 'error' ? text.error : text.empty}
        </p>
      )}
      {hasMore && state === 'ready' ? (
        <button type="button" className="pk-button" onClick={onLoadMore} disabled={isLoadingMore}>
          {isLoadingMore ? text.loadingMore : text.loadMore}
        </button>
      ) : null}
    </div>
  );
});

function Count({ value, unit, locale }: { value: number; unit: string; locale: string | undefined }) {
  const exact = `${formatExact(value, locale)} ${unit}`;
  return (
    <span className="pk-active-rooms__count" title={exact}>
      <span aria-hidden="true">
        {formatCompact(value, locale)} {unit}
      </span>
      <VisuallyHidden>{exact}</VisuallyHidden>
    </span>
  );
}

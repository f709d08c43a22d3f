'use client';

import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { Avatar } from '../avatar-stack/avatar.js';
import { cx } from '../internal/cx.js';
import { VisuallyHidden } from '../internal/visually-hidden.js';
import type { PersonSummary } from '../person-summary.js';

/** Props of {@link OnlineListItem}. */
export interface OnlineListItemProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  person: PersonSummary;
  /** Text after the current user's name. Default "(you)". */
  youText?: string;
}

/**
 * The default content of one list row: avatar, name (bidi-isolated and truncated), status and device count.
 * Use it inside `renderItem` to add to a row rather than replace it.
 *
 * @example
 * <OnlineList renderItem={(person) => <><OnlineListItem person={person} /><button>Wave</button></>} />
 */
export const OnlineListItem = forwardRef<HTMLDivElement, OnlineListItemProps>(function OnlineListItem(
  { person, youText = '(you)', className, ...rest },
  ref,
) {
  const devices = person.deviceCount ?? 1;
  return (
    <div
      ref={ref}
      className={cx('pk-online-list__person', className)}
      data-pk-status={person.status}
      data-pk-self={person.isSelf ? '' : undefined}
      {...rest}
    >
      <Avatar person={person} size="sm" decorative />
      <span className="pk-online-list__text">
        <bdi className="pk-name" title={person.name}>
          {person.name}
        </bdi>
        {person.isSelf ? <span className="pk-online-list__you"> {youText}</span> : null}
        {person.status ? (
          <span className="pk-online-list__status">
            <VisuallyHidden>, </VisuallyHidden>
            <bdi>{person.status}</bdi>
          </span>
        ) : null}
      </span>
      {devices > 1 ? (
        <span className="pk-online-list__devices" title={`${devices} devices`}>
          <span aria-hidden="true">×{devices}</span>
          <VisuallyHidden>, on {devices} devices</VisuallyHidden>
        </span>
      ) : null}
    </div>
  );
});

'use client';

import { forwardRef } from 'react';
import { dedupePeople } from '../internal/dedupe.js';
import type { PersonSummary } from '../person-summary.js';
import {
  AvatarStackItem,
  AvatarStackOverflow,
  AvatarStackRoot,
  type AvatarStackRootProps,
} from './avatar-stack-parts.js';

/** Props of {@link AvatarStackView}. */
export interface AvatarStackViewProps extends Omit<AvatarStackRootProps, 'children'> {
  /** Everyone present. De-duplicated by clientId (one avatar per person), self first. */
  people: readonly PersonSummary[];
  /** Most avatars shown before "+N". Default 5. */
  max?: number;
  /** The group's accessible name; default "N people here". */
  label?: (count: number) => string;
  /** Added to the current user's name. Default "(you)". */
  youText?: string;
}

/**
 * A presentational avatar stack: up to `max` avatars, then a "+N" disclosure listing the rest.
 *
 * @example
 * <AvatarStackView people={people} max={3} size="sm" />
 */
export const AvatarStackView = forwardRef<HTMLDivElement, AvatarStackViewProps>(function AvatarStackView(
  { people, max = 5, label = defaultLabel, youText, ...rest },
  ref,
) {
  const unique = dedupePeople(people);
  const limit = Math.max(0, Math.floor(max));
  const visibleCount = Math.min(limit, unique.length);
  const visible = unique.slice(0, visibleCount);
  const hidden = unique.slice(visibleCount);
  return (
    <AvatarStackRoot ref={ref} aria-label={label(unique.length)} data-pk-count={unique.length} {...rest}>
      {visible.map((person) => (
        <AvatarStackItem key={person.clientId} person={person} youText={youText} />
      ))}
      <AvatarStackOverflow people={hidden} youText={youText} />
    </AvatarStackRoot>
  );
});

function defaultLabel(count: number): string {
  return count === 1 ? '1 person here' : `${count} people here`;
}

'use client';

import { usePerson, usePersonIds } from '@presence-kit/react';
import { forwardRef, useMemo } from 'react';
import { summarizePerson } from '../internal/summarize.js';
import { useSelfClientId } from '../internal/use-self-client-id.js';
import type { PresenceAccessor } from '../person-summary.js';
import {
  AvatarStackHiddenPerson,
  AvatarStackItem,
  AvatarStackOverflow,
  AvatarStackRoot,
  type AvatarStackRootProps,
  defaultMoreText,
} from './avatar-stack-parts.js';

/** Props of {@link AvatarStack}. */
export interface AvatarStackProps extends Omit<AvatarStackRootProps, 'children'> {
  /** Room name; default the enclosing `<PresenceRoom>`. */
  room?: string;
  /** Most avatars shown before "+N". Default 5. */
  max?: number;
  /** Leave me out of the stack. */
  othersOnly?: boolean;
  /** Reads name, avatar and status from presence data. */
  accessor?: PresenceAccessor;
  /** The group's accessible name; default "N people here". */
  label?: (count: number) => string;
  /** Added to the current user's name. Default "(you)". */
  youText?: string;
  /** The line after the 50 people listed in the overflow. Default "and N more". */
  moreText?: (count: number) => string;
}

/**
 * Avatars of the people in the room: one per person however many tabs they have, me first, then "+N" that lists
 * the rest. The stack holds only ids; each avatar reads its own person, so updates re-render one avatar.
 *
 * @example
 * <AvatarStack max={4} size="sm" />
 */
const AvatarStackConnected = forwardRef<HTMLDivElement, AvatarStackProps>(function AvatarStack(
  {
    room,
    max = 5,
    othersOnly = false,
    accessor,
    label = defaultLabel,
    youText = '(you)',
    moreText = defaultMoreText,
    ...rest
  },
  ref,
) {
  const ids = usePersonIds({ room, others: othersOnly });
  const selfClientId = useSelfClientId(room);
  const ordered = useMemo(() => {
    if (selfClientId === undefined || !ids.includes(selfClientId)) return ids;
    return [selfClientId, ...ids.filter((id) => id !== selfClientId)];
  }, [ids, selfClientId]);
  const limit = Math.max(0, Math.floor(max));
  const visible = ordered.slice(0, limit);
  const hidden = ordered.slice(limit);
  return (
    <AvatarStackRoot ref={ref} aria-label={label(ordered.length)} data-pk-count={ordered.length} {...rest}>
      {visible.map((clientId) => (
        <ConnectedItem
          key={clientId}
          clientId={clientId}
          room={room}
          accessor={accessor}
          selfClientId={selfClientId}
          youText={youText}
        />
      ))}
      <AvatarStackOverflow count={hidden.length}>
        {hidden.slice(0, 50).map((clientId) => (
          <ConnectedHiddenPerson
            key={clientId}
            clientId={clientId}
            room={room}
            accessor={accessor}
            selfClientId={selfClientId}
            youText={youText}
          />
        ))}
        {hidden.length > 50 ? <li className="pk-avatar-stack__hidden-person">{moreText(hidden.length - 50)}</li> : null}
      </AvatarStackOverflow>
    </AvatarStackRoot>
  );
});

/**
 * Avatars of the people in the room: one per person however many tabs they have, me first, then "+N" that lists
 * the rest. The compound parts `AvatarStack.Root`, `.Item` and `.Overflow` build a custom stack from plain props.
 *
 * @example
 * <AvatarStack max={4} size="sm" />
 * @example
 * <AvatarStack.Root aria-label="Editors"><AvatarStack.Item person={ada} /><AvatarStack.Overflow people={rest} /></AvatarStack.Root>
 */
export const AvatarStack = Object.assign(AvatarStackConnected, {
  Root: AvatarStackRoot,
  Item: AvatarStackItem,
  Overflow: AvatarStackOverflow,
});

interface ConnectedProps {
  clientId: string;
  youText: string;
  room: string | undefined;
  accessor: PresenceAccessor | undefined;
  selfClientId: string | undefined;
}

function useSummary({ clientId, room, accessor, selfClientId }: ConnectedProps) {
  const person = usePerson({ room, clientId });
  return useMemo(
    () => (person ? summarizePerson(person, accessor, selfClientId) : undefined),
    [person, accessor, selfClientId],
  );
}

function ConnectedItem(props: ConnectedProps) {
  const summary = useSummary(props);
  return summary ? <AvatarStackItem person={summary} youText={props.youText} /> : null;
}

function ConnectedHiddenPerson(props: ConnectedProps) {
  const summary = useSummary(props);
  return summary ? <AvatarStackHiddenPerson person={summary} youText={props.youText} /> : null;
}

function defaultLabel(count: number): string {
  return count === 1 ? '1 person here' : `${count} people here`;
}

'use client';

import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createPartContext, usePartContext } from '../internal/create-context.js';
import { cx } from '../internal/cx.js';
import type { PersonSummary } from '../person-summary.js';
import { Avatar, type AvatarSize } from './avatar.js';

interface StackContextValue {
  size: AvatarSize;
}

const StackContext = createPartContext<StackContextValue>('AvatarStack.Root');
const useStackContext = (part: string) => usePartContext(StackContext, part, 'AvatarStack.Root');

/** Props of `AvatarStack.Root`. */
export interface AvatarStackRootProps extends ComponentPropsWithoutRef<'div'> {
  /** Default `md`. */
  size?: AvatarSize;
}

/**
 * The stack's container: a labelled group that gives its items their size.
 *
 * @example
 * <AvatarStack.Root aria-label="3 people here"><AvatarStack.Item person={ada} /></AvatarStack.Root>
 */
export const AvatarStackRoot = forwardRef<HTMLDivElement, AvatarStackRootProps>(function AvatarStackRoot(
  { size = 'md', className, children, ...rest },
  ref,
) {
  const context = useMemo(() => ({ size }), [size]);
  return (
    // A group with a name ("5 people here"); fieldset would bring form semantics that do not fit.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div ref={ref} role="group" className={cx('pk-avatar-stack', className)} data-pk-size={size} {...rest}>
      <StackContext.Provider value={context}>{children}</StackContext.Provider>
    </div>
  );
});

/** Props of `AvatarStack.Item`. */
export interface AvatarStackItemProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  person: PersonSummary;
  /** Added to the current user's name. Default "(you)". */
  youText?: string;
}

/**
 * One visible avatar in the stack.
 *
 * @example
 * <AvatarStack.Item person={{ id: 'ada', clientId: 'ada', name: 'Ada' }} />
 */
export const AvatarStackItem = forwardRef<HTMLSpanElement, AvatarStackItemProps>(function AvatarStackItem(
  { person, className, ...rest },
  ref,
) {
  const { size } = useStackContext('AvatarStack.Item');
  return <Avatar ref={ref} person={person} size={size} className={cx('pk-avatar-stack__item', className)} {...rest} />;
});

/** Props of `AvatarStack.Overflow`. */
export interface AvatarStackOverflowProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The people not shown as avatars; the disclosure lists them (the first `maxListed`). */
  people?: readonly PersonSummary[];
  /** How many are hidden; default `people.length`. Give it with `children` when the list is rendered by you. */
  count?: number;
  /** Replaces the default list items (`<li>` elements); rendered only while open. */
  children?: ReactNode;
  /** Most people listed in the disclosure. Default 50; the rest are summarised by `moreText`. */
  maxListed?: number;
  /** The line after the listed people. Default "and N more". */
  moreText?: (count: number) => string;
  /** Added to the current user's name. Default "(you)". */
  youText?: string;
  /** The button's accessible name; default "Show N more people". */
  buttonLabel?: (count: number) => string;
  /** The open list's accessible name; default "N more people". */
  listLabel?: (count: number) => string;
}

/**
 * The "+N" button: a disclosure that lists the hidden people. Enter or Space opens it, Escape closes it and returns
 * focus to the button, and a click outside closes it. Renders nothing when no one is hidden.
 *
 * @example
 * <AvatarStack.Overflow people={hidden} />
 */
export const AvatarStackOverflow = forwardRef<HTMLDivElement, AvatarStackOverflowProps>(function AvatarStackOverflow(
  {
    people = NO_PEOPLE,
    count = people.length,
    children,
    maxListed = 50,
    moreText = defaultMoreText,
    youText = '(you)',
    buttonLabel = defaultButtonLabel,
    listLabel = defaultListLabel,
    className,
    ...rest
  },
  ref,
) {
  useStackContext('AvatarStack.Overflow');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement | null>(null);
  const button = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  if (count <= 0) return null;
  const listed = children ? null : people.slice(0, maxListed);
  const unlisted = children ? 0 : count - (listed?.length ?? 0);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <div
      ref={(node) => {
        wrapper.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      className={cx('pk-avatar-stack__overflow', className)}
      data-pk-open={open ? '' : undefined}
      {...rest}
    >
      <button
        ref={button}
        type="button"
        className="pk-avatar-stack__more"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={buttonLabel(count)}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={onKeyDown}
      >
        <span aria-hidden="true">+{count}</span>
      </button>
      <ul
        id={panelId}
        className="pk-avatar-stack__hidden-list"
        hidden={!open}
        aria-label={listLabel(count)}
        // The list scrolls when long, so it is a tab stop for keyboard scrolling (axe scrollable-region-focusable).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        {open
          ? (children ??
            listed?.map((person) => <AvatarStackHiddenPerson key={person.id} person={person} youText={youText} />))
          : null}
        {open && unlisted > 0 ? <li className="pk-avatar-stack__hidden-person">{moreText(unlisted)}</li> : null}
      </ul>
    </div>
  );
});

const NO_PEOPLE: readonly PersonSummary[] = Object.freeze([]);

/** One row of the overflow list. Exported for custom `AvatarStack.Overflow` children. */
export function AvatarStackHiddenPerson({ person, youText = '(you)' }: { person: PersonSummary; youText?: string }) {
  return (
    <li className="pk-avatar-stack__hidden-person">
      <Avatar person={person} size="sm" decorative />
      <bdi className="pk-name">{person.isSelf ? `${person.name} ${youText}` : person.name}</bdi>
    </li>
  );
}

/** The default summary of people not listed. */
export function defaultMoreText(count: number): string {
  return `and ${count} more`;
}

function defaultListLabel(count: number): string {
  return count === 1 ? '1 more person' : `${count} more people`;
}

function defaultButtonLabel(count: number): string {
  return count === 1 ? 'Show 1 more person' : `Show ${count} more people`;
}

'use client';

import { type ComponentPropsWithoutRef, forwardRef, useState } from 'react';
import { cx } from '../internal/cx.js';
import { colourFor, initialsOf } from '../internal/initials.js';
import { safeImageUrl } from '../internal/safe-url.js';
import type { PersonSummary } from '../person-summary.js';

/** Avatar sizes; the theme maps each to `--pk-avatar-size-*`. */
export type AvatarSize = 'sm' | 'md' | 'lg';

/** Props of {@link Avatar}. */
export interface AvatarProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  person: Pick<PersonSummary, 'clientId' | 'name' | 'avatarUrl' | 'isSelf'>;
  /** Default `md`. */
  size?: AvatarSize;
  /** Hide from assistive technology when a neighbour already names the person (for example in a list row). */
  decorative?: boolean;
  /** Added to the current user's name. Default "(you)". */
  youText?: string;
}

/**
 * One person's picture, or their initials on a colour derived from their clientId when there is no safe image
 * (or it fails to load). The URL is checked again here, so hand-built props cannot smuggle `javascript:` in.
 *
 * @example
 * <Avatar person={{ clientId: 'ada', name: 'Ada Abe' }} size="lg" />
 */
export const Avatar = forwardRef<HTMLSpanElement, AvatarProps>(function Avatar(
  { person, size = 'md', decorative = false, youText = '(you)', className, style, ...rest },
  ref,
) {
  const url = safeImageUrl(person.avatarUrl);
  const [failedUrl, setFailedUrl] = useState<string | undefined>(undefined);
  const showImage = url !== undefined && failedUrl !== url;
  const label = person.isSelf ? `${person.name} ${youText}` : person.name;
  return (
    // role="img" is set whenever aria-label is (decorative avatars get neither).
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: see above
    <span
      ref={ref}
      className={cx('pk-avatar', className)}
      data-pk-size={size}
      data-pk-self={person.isSelf ? '' : undefined}
      data-pk-fallback={showImage ? undefined : ''}
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative ? true : undefined}
      title={person.name}
      style={{ ['--pk-avatar-colour' as string]: colourFor(person.clientId), ...style }}
      {...rest}
    >
      {showImage ? (
        <img
          className="pk-avatar__image"
          src={url}
          alt=""
          referrerPolicy="no-referrer"
          decoding="async"
          loading="lazy"
          draggable={false}
          onError={() => setFailedUrl(url)}
        />
      ) : (
        <span className="pk-avatar__initials" aria-hidden="true">
          {initialsOf(person.name)}
        </span>
      )}
    </span>
  );
});

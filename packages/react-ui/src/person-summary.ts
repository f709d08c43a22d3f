import { MAX_NAME_LENGTH, MAX_STATUS_LENGTH, safeText } from './internal/safe-text.js';
import { safeImageUrl } from './internal/safe-url.js';

/**
 * One person (or, in per-connection lists, one connection) as the presentational components take it: plain,
 * already-sanitized props. Build one from presence with {@link toPersonSummary}, or by hand in stories and tests.
 */
export interface PersonSummary {
  /** Unique in its list: the clientId for a person, the member key (`clientId:connectionId`) for a connection. */
  readonly id: string;
  /** The person's clientId. Components de-duplicate people by this. */
  readonly clientId: string;
  /** Display name (plain text; sanitized by `toPersonSummary`). */
  readonly name: string;
  /** A safe image URL, or undefined to show initials. */
  readonly avatarUrl?: string | undefined;
  /** Free-form status such as `online` or `away`. */
  readonly status?: string | undefined;
  /** True for the person using this app. */
  readonly isSelf?: boolean | undefined;
  /** How many connections (tabs, devices) the person is present on. */
  readonly deviceCount?: number | undefined;
  /** When they entered (ms since epoch), for sorting by join time. */
  readonly joinedAt?: number | undefined;
}

/** What an accessor reads from a member's presence data. Values are untrusted and sanitized afterwards. */
export interface PresenceFields {
  name?: unknown;
  avatarUrl?: unknown;
  status?: unknown;
}

/** Reads name, avatar and status from presence data that may have any shape. */
export type PresenceAccessor = (data: unknown) => PresenceFields;

/**
 * The default accessor: `data.name`, `data.avatarUrl`, `data.status`, the convention local-ably's simulated members
 * and the demo use.
 *
 * @example
 * defaultPresenceAccessor({ name: 'Ada', status: 'away' }); // { name: 'Ada', avatarUrl: undefined, status: 'away' }
 */
export const defaultPresenceAccessor: PresenceAccessor = (data) => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  return { name: record.name, avatarUrl: record.avatarUrl, status: record.status };
};

/** The parts of a presence member or person that a summary needs, so both `Person` and `PresenceKitMember` fit. */
export interface PresenceSource {
  readonly clientId: string;
  readonly data: unknown;
  readonly updatedAt?: Date | undefined;
}

/**
 * Turns an untrusted presence member into a {@link PersonSummary}: reads fields through `accessor`, strips bidi
 * overrides and control characters, truncates, and drops avatar URLs that are not http(s), blob or `data:image`.
 *
 * @example
 * toPersonSummary({ clientId: 'ada', data: { name: 'Ada' } }, { id: 'ada', selfClientId: 'ada' }).isSelf; // true
 */
export function toPersonSummary(
  source: PresenceSource,
  options: {
    id?: string;
    accessor?: PresenceAccessor | undefined;
    selfClientId?: string | undefined;
    deviceCount?: number;
    joinedAt?: number;
  } = {},
): PersonSummary {
  const fields = (options.accessor ?? defaultPresenceAccessor)(source.data);
  const name = safeText(fields.name, MAX_NAME_LENGTH) || safeText(source.clientId, MAX_NAME_LENGTH) || 'Anonymous';
  const status = safeText(fields.status, MAX_STATUS_LENGTH) || undefined;
  return {
    id: options.id ?? source.clientId,
    clientId: source.clientId,
    name,
    avatarUrl: safeImageUrl(fields.avatarUrl),
    status,
    isSelf: options.selfClientId !== undefined && source.clientId === options.selfClientId,
    deviceCount: options.deviceCount,
    joinedAt: options.joinedAt ?? source.updatedAt?.getTime(),
  };
}

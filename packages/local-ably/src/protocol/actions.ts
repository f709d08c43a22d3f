/** ProtocolMessage actions, as numbered on the wire. */
export const Action = {
  HEARTBEAT: 0,
  ACK: 1,
  NACK: 2,
  CONNECT: 3,
  CONNECTED: 4,
  DISCONNECT: 5,
  DISCONNECTED: 6,
  CLOSE: 7,
  CLOSED: 8,
  ERROR: 9,
  ATTACH: 10,
  ATTACHED: 11,
  DETACH: 12,
  DETACHED: 13,
  PRESENCE: 14,
  MESSAGE: 15,
  SYNC: 16,
  AUTH: 17,
  ACTIVATE: 18,
  OBJECT: 19,
  OBJECT_SYNC: 20,
  ANNOTATION: 21,
} as const;

/** ProtocolMessage flag bits that are not channel modes. */
export const Flag = {
  HAS_PRESENCE: 1,
  HAS_BACKLOG: 2,
  RESUMED: 4,
  TRANSIENT: 16,
  ATTACH_RESUME: 32,
} as const;

/** Channel mode bits, requested on ATTACH and granted on ATTACHED. */
export const Mode = {
  PRESENCE: 0x10000,
  PUBLISH: 0x20000,
  SUBSCRIBE: 0x40000,
  PRESENCE_SUBSCRIBE: 0x80000,
  ANNOTATION_PUBLISH: 0x200000,
  ANNOTATION_SUBSCRIBE: 0x400000,
  OBJECT_SUBSCRIBE: 0x1000000,
  OBJECT_PUBLISH: 0x2000000,
} as const;

export const MODE_ALL = Object.values(Mode).reduce((all, bit) => all | bit, 0);

/** What a plain `channel.attach()` with no requested modes gets. */
export const DEFAULT_MODES = Mode.PRESENCE | Mode.PUBLISH | Mode.SUBSCRIBE | Mode.PRESENCE_SUBSCRIBE;

export function hasMode(modes: number, mode: number): boolean {
  return (modes & mode) === mode;
}

/** PresenceMessage actions, as numbered on the wire. */
export const PresenceAction = {
  ABSENT: 0,
  PRESENT: 1,
  ENTER: 2,
  LEAVE: 3,
  UPDATE: 4,
} as const;

export const ACTION_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(Action).map(([name, code]) => [code, name]),
);

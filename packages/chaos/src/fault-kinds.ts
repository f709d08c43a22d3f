/**
 * Every fault the run injects, with its weight (how often it is picked relative to the others). Restarts hit every
 * client at once and cost the most, so they are rare; drops are cheap and common.
 */
export const FAULT_WEIGHTS = {
  /** The socket is cut abruptly; the SDK resumes the same connection (RESUMED). */
  drop: 22,
  /** Cut, and the server forgets the resume keys: the resume fails (80008), the SDK re-enters on a new connection. */
  'drop-lose-state': 12,
  /** The server stops reading and writing; the SDK's idle timer notices and it resumes on a new socket. */
  stall: 6,
  /** The network between them goes silent with both sockets open; each end has to notice on its own. */
  'half-open': 6,
  /** The server asks for a new token now (in-band AUTH); the SDK renews without dropping anything. */
  'token-renewal': 12,
  /** A short token whose renewal comes too late: DISCONNECTED 40142, then renew and resume. */
  'token-expiry': 3,
  /** Every socket cut; the server comes back with its state (every client resumes). */
  'restart-keep-state': 2,
  /** Every socket cut; the server comes back empty (every resume fails, everyone re-enters). */
  'restart-lose-state': 2,
  /** One client sends a burst of presence updates without waiting between them. */
  'presence-burst': 14,
} as const;

export type FaultKind = keyof typeof FAULT_WEIGHTS;

export const FAULT_KINDS = Object.keys(FAULT_WEIGHTS) as FaultKind[];

/** The clients' own presence actions, mixed in with the faults. */
export type ActionKind = 'enter' | 'update' | 'leave';

/**
 * What each member puts in presence, the convention shared by the components, the demo and local-ably's simulated
 * members. Other users' values are untrusted: render them as text, never as HTML.
 */
export interface DemoPresence {
  name: string;
  avatarUrl?: string;
  status?: string;
}

/** The statuses the join form and status picker offer (the simulated crowd uses these too). */
export const DEMO_STATUSES = ['online', 'away', 'busy', 'in a meeting'] as const;

/** The same statuses as status-picker options. */
export const DEMO_STATUS_OPTIONS = [
  { value: 'online', label: 'Online' },
  { value: 'away', label: 'Away' },
  { value: 'busy', label: 'Busy' },
  { value: 'in a meeting', label: 'In a meeting' },
] as const satisfies ReadonlyArray<{ value: (typeof DEMO_STATUSES)[number]; label: string }>;

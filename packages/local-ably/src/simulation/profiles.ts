import type { SeededRandom } from './seeded-random.js';

/** The presence data of a simulated member: what an avatar stack or member list renders. */
export interface SimulatedMemberData {
  name: string;
  /** An inline SVG data URL (initials on a colour), so nothing is fetched from the network. */
  avatarUrl: string;
  status: string;
}

const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Amara',
  'Ana',
  'Bea',
  'Ben',
  'Chen',
  'Chloe',
  'Dara',
  'Diego',
  'Elif',
  'Emil',
  'Farah',
  'Felix',
  'Grace',
  'Hana',
  'Ian',
  'Ines',
  'Jon',
  'Kai',
  'Lara',
  'Leo',
  'Maya',
  'Mo',
  'Nia',
  'Noah',
  'Omar',
  'Priya',
  'Quinn',
  'Ravi',
  'Sara',
  'Tom',
  'Uma',
  'Vera',
  'Wen',
  'Yara',
  'Zoe',
] as const;

const LAST_NAMES = [
  'Abe',
  'Berg',
  'Costa',
  'Diaz',
  'Evans',
  'Fox',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Khan',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quist',
  'Rossi',
  'Silva',
  'Tanaka',
  'Usman',
  'Varga',
  'Weber',
  'Xu',
  'Young',
  'Zhou',
] as const;

/** Statuses simulated members cycle through on updates. */
export const SIMULATED_STATUSES = ['online', 'away', 'busy', 'in a meeting', 'typing'] as const;

const COLOURS = [
  '#e11d48',
  '#db2777',
  '#9333ea',
  '#4f46e5',
  '#2563eb',
  '#0891b2',
  '#059669',
  '#65a30d',
  '#ca8a04',
  '#ea580c',
] as const;

/** A deterministic profile for a simulated member. */
export function simulatedProfile(random: SeededRandom): SimulatedMemberData {
  const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  return { name, avatarUrl: avatarDataUrl(name, random.pick(COLOURS)), status: random.pick(SIMULATED_STATUSES) };
}

/** An SVG avatar with the name's initials on a coloured circle, as a `data:` URL an `<img>` renders offline. */
export function avatarDataUrl(name: string, colour: string): string {
  const initials = name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="${colour}"/>` +
    `<text x="20" y="25" font-family="sans-serif" font-size="15" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

import { type PersonSummary, toPersonSummary } from '../src/person-summary.js';
import { HOSTILE_PRESENCE_DATA } from '../test/support/hostile-corpus.js';

const FIRST = ['Ada', 'Alan', 'Amara', 'Ben', 'Chen', 'Chloe', 'Dara', 'Diego', 'Elif', 'Farah', 'Grace', 'Hana'];
const LAST = ['Abe', 'Berg', 'Costa', 'Diaz', 'Evans', 'Fox', 'Garcia', 'Hughes', 'Ito', 'Jones', 'Khan', 'Lopez'];
const STATUSES = ['online', 'online', 'away', 'busy', 'online'];

function avatar(name: string, hue: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="hsl(${hue} 45% 40%)"/><circle cx="32" cy="26" r="12" fill="#fff" opacity=".85"/><rect x="14" y="42" width="36" height="22" rx="11" fill="#fff" opacity=".85"/><title>${name}</title></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** `count` deterministic people; every third has a picture, the rest show initials. Person 0 is me. */
export function makePeople(count: number, options: { withSelf?: boolean } = {}): PersonSummary[] {
  const people: PersonSummary[] = [];
  for (let index = 0; index < count; index++) {
    const name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}${
      index >= FIRST.length * LAST.length ? ` ${Math.floor(index / (FIRST.length * LAST.length)) + 1}` : ''
    }`;
    people.push({
      id: `user-${index}`,
      clientId: `user-${index}`,
      name,
      avatarUrl: index % 3 === 0 ? avatar(name, (index * 47) % 360) : undefined,
      status: STATUSES[index % STATUSES.length],
      isSelf: options.withSelf !== false && index === 0,
      deviceCount: index % 7 === 3 ? 2 : 1,
      joinedAt: 1_700_000_000_000 + index * 1000,
    });
  }
  return people;
}

/** Ten thousand people, built once. */
export const TEN_THOUSAND = makePeople(10_000);

/** People whose names are long, in several scripts. */
export const LONG_NAMES: PersonSummary[] = [
  'Maximiliana Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh-Cholmondeley',
  'محمد بن عبد الله بن عبد المطلب بن هاشم بن عبد مناف القرشي',
  'Александра Константиновна Высокопревосходительство-Достопримечательная',
  'グレース・ホッパー・アンド・ザ・コンパイラー・チーム・オブ・ナインティーンフィフティーツー',
  'Pneumonoultramicroscopicsilicovolcanoconiosis Supercalifragilisticexpialidocious',
].map((name, index) =>
  toPersonSummary({ clientId: `long-${index}`, data: { name, status: index % 2 ? 'away' : 'online' } }),
);

/** The hostile corpus, sanitized the way connected components do it. */
export const HOSTILE_PEOPLE: PersonSummary[] = HOSTILE_PRESENCE_DATA.map((entry) => toPersonSummary(entry));

/** Right-to-left names. */
export const ARABIC_PEOPLE: PersonSummary[] = [
  'ليلى حسن',
  'عمر خالد',
  'سارة يوسف',
  'كريم نور',
  'هدى سالم',
  'يوسف علي',
].map((name, index) =>
  toPersonSummary(
    { clientId: `ar-${index}`, data: { name, status: ['online', 'away', 'busy'][index % 3] } },
    { selfClientId: 'ar-0' },
  ),
);

/** A few built-in avatars as inline SVG data URLs, so the demo fetches nothing from the network. */
export interface AvatarChoice {
  id: string;
  label: string;
  url: string;
}

const PRESETS: Array<[string, string, string, string]> = [
  ['sun', 'Sun', '#f59e0b', 'M32 18a14 14 0 1 0 0.01 0Z'],
  ['leaf', 'Leaf', '#16a34a', 'M18 46C18 26 30 16 48 16c0 20-10 30-30 30Z'],
  ['wave', 'Wave', '#0ea5e9', 'M10 38c8-10 14-10 22 0s14 10 22 0v14H10Z'],
  ['star', 'Star', '#a855f7', 'M32 12l6 13 14 2-10 10 2 14-12-7-12 7 2-14-10-10 14-2Z'],
  ['heart', 'Heart', '#ef4444', 'M32 50 14 32a10 10 0 0 1 18-12 10 10 0 0 1 18 12Z'],
  ['bolt', 'Bolt', '#64748b', 'M36 10 18 36h12l-4 18 20-28H34Z'],
];

function svgUrl(colour: string, path: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="${colour}"/><path d="${path}" fill="#fff" fill-opacity=".92"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const AVATAR_CHOICES: readonly AvatarChoice[] = PRESETS.map(([id, label, colour, path]) => ({
  id,
  label,
  url: svgUrl(colour, path),
}));

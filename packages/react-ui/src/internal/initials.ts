/** Up to two initials from a display name, for the avatar fallback; `?` when the name has no letters. */
export function initialsOf(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letters = [Array.from(first)[0], last ? Array.from(last)[0] : undefined].filter(Boolean).join('');
  return letters.toLocaleUpperCase();
}

/**
 * A deterministic background colour for a clientId: the same person has the same colour in every tab and on every
 * device. Dark enough that white initials pass WCAG AA contrast at every hue.
 */
export function colourFor(id: string): string {
  let hash = 2166136261;
  for (let index = 0; index < id.length; index++) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  const hue = (hash >>> 0) % 360;
  return `hsl(${hue} 55% 28%)`;
}

/** Characters that reorder or hide text: bidi embeddings, overrides and isolates, marks, and invisible formatting. */
const BIDI_AND_INVISIBLE = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
/** C0 and C1 control characters (newlines, tabs, escapes): a name is one line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** More than two combining marks on one base ("zalgo") would paint over neighbouring rows. */
const MARK_FLOOD = /(\p{M}{2})\p{M}+/gu;

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

function graphemes(text: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(text), (part) => part.segment);
  return Array.from(text);
}

/**
 * Makes untrusted text (another user's name or status) safe to show as one line of plain text: strips bidi
 * overrides and isolates (so "evil\u202Egnp.exe" cannot reverse what follows), control characters and combining-mark
 * floods, collapses whitespace, and truncates to `max` grapheme clusters with an ellipsis. Non-strings give `''`.
 *
 * @example
 * safeText('\u202Eevil', 32); // 'evil'
 */
export function safeText(raw: unknown, max: number): string {
  if (typeof raw !== 'string') return '';
  // Cap the work before the regexes run: a megabyte of name is hostile, and only `max` graphemes are shown.
  const clipped = raw.length > max * 16;
  const bounded = clipped ? raw.slice(0, max * 16) : raw;
  const cleaned = bounded
    .replace(BIDI_AND_INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(MARK_FLOOD, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
  // A grapheme is at least one UTF-16 unit, so text this short cannot need truncating; segmenting is the costly part
  // (it ran for every row rendered while scrolling a long list).
  if (!clipped && cleaned.length <= max) return cleaned;
  const parts = graphemes(cleaned);
  // The early cut may have split the last cluster: drop it, and always mark the text as shortened.
  if (clipped) parts.pop();
  if (!clipped && parts.length <= max) return cleaned;
  return `${parts
    .slice(0, Math.max(1, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** Longest name shown, in grapheme clusters; CSS truncates further to the space available. */
export const MAX_NAME_LENGTH = 64;
/** Longest status shown. */
export const MAX_STATUS_LENGTH = 32;

/** Image types a `data:` avatar may have. SVG is allowed: inside `<img>` its scripts never run. */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|jpg|gif|webp|avif|svg\+xml)[;,]/i;
/** A generous cap for inline avatars; anything larger is more likely an attack on memory than a picture. */
const MAX_DATA_URL_LENGTH = 100_000;
const MAX_URL_LENGTH = 2_048;

/**
 * Returns an untrusted avatar URL when it is safe to put in `<img src>`: absolute `http:`/`https:`, `blob:`, or a
 * `data:image/…` URL. Everything else (`javascript:`, `data:text/html`, relative paths, oversized strings, non-strings)
 * gives `undefined`, so the caller falls back to initials.
 *
 * @example
 * safeImageUrl('javascript:alert(1)'); // undefined
 * safeImageUrl('https://example.com/a.png'); // 'https://example.com/a.png'
 */
export function safeImageUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  if (value.length === 0) return undefined;
  if (/^data:/i.test(value)) {
    return value.length <= MAX_DATA_URL_LENGTH && DATA_IMAGE.test(value) ? value : undefined;
  }
  if (value.length > MAX_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'blob:') return url.href;
  return undefined;
}

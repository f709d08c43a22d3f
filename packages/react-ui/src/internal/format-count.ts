const compactFormats = new Map<string, Intl.NumberFormat>();
const exactFormats = new Map<string, Intl.NumberFormat>();

function cached(map: Map<string, Intl.NumberFormat>, locale: string | undefined, options: Intl.NumberFormatOptions) {
  const key = locale ?? '';
  let format = map.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    map.set(key, format);
  }
  return format;
}

/** 1.2K, 3.4M (or the locale's own forms); numbers under 1,000 stay exact. */
export function formatCompact(value: number, locale?: string): string {
  return cached(compactFormats, locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** 1,234,567 in the locale's grouping. */
export function formatExact(value: number, locale?: string): string {
  return cached(exactFormats, locale, { maximumFractionDigits: 0 }).format(value);
}

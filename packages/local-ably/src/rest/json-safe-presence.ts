import type { WireFormat } from '../protocol/codec.js';
import type { WirePresenceMessage } from '../protocol/types.js';

/**
 * Presence messages ready for a REST body in `format`. JSON cannot carry raw bytes, so binary `data` (entered by a
 * msgpack client) goes out base64 with `base64` appended to its encoding, which the SDK decodes back to bytes.
 */
export function presenceForFormat(items: readonly WirePresenceMessage[], format: WireFormat): WirePresenceMessage[] {
  if (format === 'msgpack') return [...items];
  return items.map((item) => {
    if (!(item.data instanceof Uint8Array)) return item;
    const data = Buffer.from(item.data).toString('base64');
    return { ...item, data, encoding: item.encoding ? `${item.encoding}/base64` : 'base64' };
  });
}

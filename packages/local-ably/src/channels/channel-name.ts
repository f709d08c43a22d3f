/** A channel name as a client wrote it, split into the channel it names and the `[?params]` it carries. */
export interface QualifiedName {
  /** The channel itself: `[?rewind=1]room` names `room`. */
  base: string;
  /** Params from a `[?…]` qualifier (query-string syntax), empty when there is none. */
  params: Record<string, string>;
}

/**
 * Strips a `[?params]` qualifier. Ably treats `[?rewind=1]room` as channel `room` attached with `rewind=1`, so it
 * must find the same members and messages; other qualifiers (`[meta]`) name different channels and stay.
 */
export function parseChannelName(name: string): QualifiedName {
  const match = /^\[\?([^\]]*)\](.+)$/s.exec(name);
  if (!match) return { base: name, params: {} };
  // fromEntries defines own properties, so a "__proto__" param is just a param.
  return { base: match[2] ?? name, params: Object.fromEntries(new URLSearchParams(match[1])) };
}

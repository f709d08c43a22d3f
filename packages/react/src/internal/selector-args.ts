import type { RoomHookOptions } from './use-room-entry.js';

/** The arguments of a selector hook, normalized: `(options?)` or `(selector?, isEqual?, options?)`. */
export interface SelectorArgs<TInput, TSelected, TOptions extends RoomHookOptions> {
  selector: ((input: TInput) => TSelected) | undefined;
  isEqual: ((a: TSelected, b: TSelected) => boolean) | undefined;
  options: TOptions;
}

export function selectorArgs<TInput, TSelected, TOptions extends RoomHookOptions>(
  first: ((input: TInput) => TSelected) | TOptions | undefined,
  isEqual: ((a: TSelected, b: TSelected) => boolean) | undefined,
  options: TOptions | undefined,
): SelectorArgs<TInput, TSelected, TOptions> {
  if (typeof first === 'function') return { selector: first, isEqual, options: options ?? ({} as TOptions) };
  return { selector: undefined, isEqual, options: first ?? options ?? ({} as TOptions) };
}

/** The identity function, as a stable default selector. */
export function identity<T>(value: T): T {
  return value;
}

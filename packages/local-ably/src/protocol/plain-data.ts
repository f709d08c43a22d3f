import { AblyError, ErrorCode } from './errors.js';

const FORBIDDEN_KEYS = ['__proto__'];

/**
 * Rejects decoded client data that could shape prototypes. msgpack decoders assign map keys with `obj[key] = value`,
 * so a `__proto__` key swaps the object's prototype (data that "is" a Buffer, say); JSON.parse keeps it as an own
 * property, which a later copy with `out[key] = value` would turn into a prototype all the same. Neither is data
 * an Ably message can carry, so both are refused up front with 40013 instead of surfacing later as a 50000.
 * Iterative, so deeply nested input cannot overflow the stack here.
 */
export function assertPlainData(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    // isView checks the internal slot, so an object whose prototype was swapped to a Buffer's is not let through.
    if (item === null || typeof item !== 'object' || ArrayBuffer.isView(item)) continue;
    if (Array.isArray(item)) {
      if (Object.getPrototypeOf(item) !== Array.prototype) throw forbidden();
      for (const element of item) stack.push(element);
      continue;
    }
    const prototype = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) throw forbidden();
    for (const key of FORBIDDEN_KEYS) if (Object.hasOwn(item, key)) throw forbidden();
    for (const field of Object.values(item)) stack.push(field);
  }
}

function forbidden(): AblyError {
  return new AblyError(
    ErrorCode.InvalidMessageData,
    400,
    'Invalid message data: keys named "__proto__" are not allowed in client data; rename the key',
  );
}

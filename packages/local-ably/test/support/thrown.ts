import type { AblyError } from '../../src/protocol/errors.js';

/** What `action` throws, as the AblyError local-ably throws; fails the test when it throws nothing. */
export function thrown(action: () => unknown): AblyError {
  try {
    action();
  } catch (error) {
    return error as AblyError;
  }
  throw new Error('expected a throw');
}

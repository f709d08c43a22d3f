import { eventually as poll } from '@presence-kit/test-support/eventually';

/** `eventually` with the browser tests' longer default (pages render through a real server and a real Chromium). */
export function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  return poll(check, timeoutMs, 50);
}

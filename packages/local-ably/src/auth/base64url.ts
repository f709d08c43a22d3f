import { createHmac, timingSafeEqual } from 'node:crypto';

export function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export function hmacSha256(text: string, secret: string, encoding: 'base64' | 'base64url'): string {
  return createHmac('sha256', secret).update(text).digest(encoding);
}

/** Constant-time string comparison (for MACs and signatures). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

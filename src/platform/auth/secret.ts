import { createHash, randomBytes } from 'node:crypto';

/** A fresh 256-bit secret, URL-safe, with a prefix that says what it is (e.g. tdm_ for API tokens). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as their SHA-256: high-entropy values need no slow hash. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

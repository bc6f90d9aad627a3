import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret with a scanner-friendly prefix (e.g. `orbit_at_…`). */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored and looked up by SHA-256 only, never in clear. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

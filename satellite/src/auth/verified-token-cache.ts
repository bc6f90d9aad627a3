import { hash } from 'node:crypto';
import type { OrbitAccessTokenClaims } from '@orbit/contracts';

export const DEFAULT_TOKEN_CACHE_SIZE = 10_000;

/**
 * Claims of tokens whose signature and claims were checked, so that a client's next requests skip the ECDSA
 * verification. Keyed by the token's SHA-256: the cache never holds a usable bearer token, and a key cannot be
 * forged to collide with another token's. Bounded, least recently used first out (a Map iterates in insertion
 * order, and a hit re-inserts its entry). Expiry and revocation are the caller's check on every hit.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Readonly<OrbitAccessTokenClaims>>();

  constructor(readonly maxEntries: number = DEFAULT_TOKEN_CACHE_SIZE) {
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  }

  /** SHA-256 through node:crypto's one-shot `hash`: the same digest as `createHash`, three times the rate here. */
  static keyOf(token: string): string {
    return hash('sha256', token, 'base64');
  }

  get(key: string): Readonly<OrbitAccessTokenClaims> | undefined {
    const claims = this.entries.get(key);
    if (claims !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, claims);
    }
    return claims;
  }

  set(key: string, claims: Readonly<OrbitAccessTokenClaims>): void {
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, claims);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

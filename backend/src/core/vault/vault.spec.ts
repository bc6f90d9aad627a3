import { randomBytes } from 'node:crypto';
import type { KeyRing } from '../../config/encryption-keys.js';
import { Vault, VaultError } from './vault.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const ctx = { table: 'installations', rowId: 'row-1', field: 'env.SHARED_API_KEY' };

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof VaultError) return error.reason;
    throw error;
  }
  return 'opened';
}

describe('Vault', () => {
  const vault = new Vault([k1]);

  it('seals with a key id prefix and a fresh nonce, and opens again', () => {
    const a = vault.seal('s3cr3t', ctx);
    const b = vault.seal('s3cr3t', ctx);
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cr3t');
    expect(vault.open(a, ctx)).toBe('s3cr3t');
  });

  it('detects a flipped byte anywhere in the ciphertext', () => {
    const sealed = vault.seal('s3cr3t', ctx);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3]!, 'base64url');
    for (const index of [0, body.length - 1]) {
      const flipped = Buffer.from(body);
      flipped[index] = flipped[index]! ^ 0x01;
      expect(reason(() => vault.open([...parts.slice(0, 3), flipped.toString('base64url')].join(':'), ctx))).toBe('tampered');
    }
  });

  it('refuses a ciphertext moved to another row or field', () => {
    const sealed = vault.seal('s3cr3t', ctx);
    expect(reason(() => vault.open(sealed, { ...ctx, rowId: 'row-2' }))).toBe('tampered');
    expect(reason(() => vault.open(sealed, { ...ctx, field: 'env.OTHER' }))).toBe('tampered');
  });

  it('names malformed and unknown-key values without echoing them', () => {
    expect(reason(() => vault.open('plain text', ctx))).toBe('format');
    expect(reason(() => vault.open('v1:k1:AAAA:AAAA', ctx))).toBe('format');
    expect(reason(() => new Vault([k2]).open(vault.seal('x', ctx), ctx))).toBe('unknown_key');
  });

  it('opens values of older keys after rotation and seals with the newest', () => {
    const old = vault.seal('s3cr3t', ctx);
    const rotated = new Vault([k2, k1] as KeyRing);
    expect(rotated.open(old, ctx)).toBe('s3cr3t');
    expect(rotated.isStale(old)).toBe(true);
    const resealed = rotated.seal(rotated.open(old, ctx), ctx);
    expect(resealed.startsWith('v1:k2:')).toBe(true);
    expect(rotated.isStale(resealed)).toBe(false);
  });
});

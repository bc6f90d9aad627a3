import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from '../../config/encryption-keys.js';

/** Where a sealed value lives. It is bound into the ciphertext, so a value copied to another row or field fails. */
export interface SealContext {
  table: string;
  rowId: string;
  field: string;
}

export type VaultErrorReason = 'format' | 'unknown_key' | 'tampered';

export class VaultError extends Error {
  constructor(
    readonly reason: VaultErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

const VERSION = 'v1';
const NONCE_BYTES = 12; // 96-bit random nonce, as GCM wants
const TAG_BYTES = 16;

/**
 * AES-256-GCM for secrets at rest: `v1:<key id>:<nonce>:<ciphertext+tag>` (base64url), with the row and field as
 * associated data. The newest key of the ring seals; any key of the ring opens, so rotation can run while serving.
 */
export class Vault {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(private readonly ring: KeyRing) {
    this.keys = new Map(ring.map((k) => [k.id, k.key]));
  }

  get activeKeyId(): string {
    return this.ring[0].id;
  }

  seal(plaintext: string, context: SealContext): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.ring[0].key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.ring[0].id, nonce.toString('base64url'), body.toString('base64url')].join(':');
  }

  open(sealed: string, context: SealContext): string {
    const [version, keyId, nonceText, bodyText, ...rest] = sealed.split(':');
    if (version !== VERSION || !keyId || !nonceText || bodyText === undefined || rest.length > 0) {
      throw new VaultError('format', `${describe(context)} is not a sealed value`);
    }
    const key = this.keys.get(keyId);
    if (!key)
      throw new VaultError('unknown_key', `${describe(context)} was sealed with key ${keyId}, which is not in the key ring`);
    const nonce = Buffer.from(nonceText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES)
      throw new VaultError('format', `${describe(context)} is truncated`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(context));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultError('tampered', `${describe(context)} failed its integrity check (altered, or copied from another row)`);
    }
  }

  /** Whether a sealed value uses an older key than the active one (rotation re-seals those). */
  isStale(sealed: string): boolean {
    return sealed.split(':')[1] !== this.activeKeyId;
  }
}

function associatedData(context: SealContext): Buffer {
  return Buffer.from(`orbit:${VERSION}:${context.table}:${context.rowId}:${context.field}`, 'utf8');
}

function describe(context: SealContext): string {
  return `${context.table}.${context.field} of ${context.rowId}`;
}

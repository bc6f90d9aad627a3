import { Injectable } from '@nestjs/common';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import { Vault } from '../../core/vault/vault.js';
import { SystemSettingsRepository } from '../system/system-settings.repository.js';

/** One signing key: the newest signs; retired ones stay published (JWKS) until every token they signed expired. */
export interface StoredSigningKey {
  kid: string;
  /** Private JWK (ES256). */
  jwk: JWK;
  createdAt: string;
  retiredAt: string | null;
}

const KEYS_SETTING = 'oauth.signing-keys';
const COOKIE_KEYS_SETTING = 'oauth.cookie-keys';
const sealContext = (name: string) => ({ table: 'system_settings', rowId: name, field: 'value' });

/**
 * The authorization server's keys, kept in the database sealed by the vault, so every backend replica signs with the
 * same key and a restart keeps tokens valid. Rotation (`npm run oauth:rotate-key`) adds a new key that signs from the
 * next start, and keeps the old one in the JWKS for the overlap: the longest access token lifetime plus a margin.
 */
@Injectable()
export class SigningKeys {
  constructor(
    private readonly settings: SystemSettingsRepository,
    private readonly vault: Vault,
  ) {}

  /** The keys to configure, newest first, creating the first one on first start; prunes keys past their overlap. */
  async load(overlapSeconds: number): Promise<StoredSigningKey[]> {
    let keys = await this.read();
    if (keys.length === 0) {
      await this.settings.setIfAbsent(KEYS_SETTING, this.seal([await newSigningKey()]));
      keys = await this.read();
    }
    const horizon = Date.now() - overlapSeconds * 1000;
    const kept = keys.filter((k) => k.retiredAt === null || Date.parse(k.retiredAt) > horizon);
    if (kept.length !== keys.length) await this.settings.set(KEYS_SETTING, this.seal(kept));
    return kept;
  }

  /** Adds a new signing key and retires the current one (published until its tokens expired). */
  async rotate(): Promise<{ added: string; retired: string[] }> {
    const keys = await this.read();
    const now = new Date().toISOString();
    const retired = keys.filter((k) => k.retiredAt === null).map((k) => k.kid);
    const next = [await newSigningKey(), ...keys.map((k) => ({ ...k, retiredAt: k.retiredAt ?? now }))];
    await this.settings.set(KEYS_SETTING, this.seal(next));
    return { added: next[0]!.kid, retired };
  }

  /** Keys signing the provider's cookies (interaction and session), shared by every replica. */
  async cookieKeys(): Promise<string[]> {
    const read = async () => {
      const sealed = await this.settings.get(COOKIE_KEYS_SETTING);
      return sealed === undefined
        ? undefined
        : (JSON.parse(this.vault.open(sealed, sealContext(COOKIE_KEYS_SETTING))) as string[]);
    };
    const existing = await read();
    if (existing) return existing;
    const keys = [randomBytes(32).toString('base64url')];
    await this.settings.setIfAbsent(COOKIE_KEYS_SETTING, this.vault.seal(JSON.stringify(keys), sealContext(COOKIE_KEYS_SETTING)));
    return (await read()) ?? keys;
  }

  private async read(): Promise<StoredSigningKey[]> {
    const sealed = await this.settings.get(KEYS_SETTING);
    if (sealed === undefined) return [];
    return JSON.parse(this.vault.open(sealed, sealContext(KEYS_SETTING))) as StoredSigningKey[];
  }

  private seal(keys: StoredSigningKey[]): string {
    return this.vault.seal(JSON.stringify(keys), sealContext(KEYS_SETTING));
  }
}

async function newSigningKey(): Promise<StoredSigningKey> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `es256-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  return { kid, jwk, createdAt: new Date().toISOString(), retiredAt: null };
}

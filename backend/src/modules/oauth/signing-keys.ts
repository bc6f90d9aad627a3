import { Injectable } from '@nestjs/common';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import { Vault } from '../../core/vault/vault.js';
import { SystemSettingsRepository } from '../system/system-settings.repository.js';

/**
 * One signing key. The newest active key signs; a new key is published before it signs (`activatesAt`), so every
 * replica and satellite knows it first; retired ones stay published (JWKS) until every token they signed expired.
 */
export interface StoredSigningKey {
  kid: string;
  /** Private JWK (ES256). */
  jwk: JWK;
  createdAt: string;
  /** When it starts signing; null (or absent, for keys stored before this existed): from its creation. */
  activatesAt?: string | null;
  /** When a newer key took over its signing; null while it is the newest. */
  retiredAt: string | null;
}

/** Whether the key signs (or signed) by `now`, rather than waiting for its activation. */
export function isActive(key: StoredSigningKey, now = Date.now()): boolean {
  return !key.activatesAt || Date.parse(key.activatesAt) <= now;
}

/**
 * The keys in the order the provider takes them: it signs with the first. Active keys newest first (the stored
 * order), then keys still waiting for their activation: published, not yet signing.
 */
export function signingOrder(keys: StoredSigningKey[], now = Date.now()): StoredSigningKey[] {
  return [...keys.filter((k) => isActive(k, now)), ...keys.filter((k) => !isActive(k, now))];
}

/** The next time a waiting key starts signing, in ms since the epoch; undefined when none waits. */
export function nextActivation(keys: StoredSigningKey[], now = Date.now()): number | undefined {
  const times = keys.filter((k) => !isActive(k, now)).map((k) => Date.parse(k.activatesAt!));
  return times.length > 0 ? Math.min(...times) : undefined;
}

/**
 * How long after a rotation the new key starts signing: every backend publishes it within `reloadMs`, and a
 * satellite that fetched the JWKS just before that may fetch again after jose's 30 s cooldown; a margin on top.
 */
export function activationDelayMs(reloadMs: number): number {
  return reloadMs + 60_000;
}

const KEYS_SETTING = 'oauth.signing-keys';
const COOKIE_KEYS_SETTING = 'oauth.cookie-keys';
const sealContext = (name: string) => ({ table: 'system_settings', rowId: name, field: 'value' });

/**
 * The authorization server's keys, kept in the database sealed by the vault, so every backend replica signs with the
 * same key and a restart keeps tokens valid. Rotation (`npm run oauth:rotate-key`) adds a new key that every running
 * backend publishes at once and signs with after a delay, and keeps the old one in the JWKS for the overlap: the
 * longest access token lifetime plus a margin.
 */
@Injectable()
export class SigningKeys {
  constructor(
    private readonly settings: SystemSettingsRepository,
    private readonly vault: Vault,
  ) {}

  /** The keys as stored, newest first, creating the first one on first start; prunes keys past their overlap. */
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

  /**
   * Adds a new signing key that signs from `delayMs` on, when the current one retires (it stays published until its
   * tokens expired). Running backends publish the new key at their next look (`OAUTH_KEY_RELOAD_MS`).
   */
  async rotate(delayMs: number): Promise<{ added: string; retired: string[]; activatesAt: string }> {
    const keys = await this.read();
    const activatesAt = new Date(Date.now() + delayMs).toISOString();
    const retired = keys.filter((k) => k.retiredAt === null).map((k) => k.kid);
    const added = { ...(await newSigningKey()), activatesAt };
    const next = [added, ...keys.map((k) => ({ ...k, retiredAt: k.retiredAt ?? activatesAt }))];
    await this.settings.set(KEYS_SETTING, this.seal(next));
    return { added: added.kid, retired, activatesAt };
  }

  /** The stored key list as sealed: it changes with every write, so comparing it tells a rotation without decrypting. */
  async version(): Promise<string | undefined> {
    return this.settings.get(KEYS_SETTING);
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

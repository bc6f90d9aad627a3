import 'reflect-metadata';
import { loadKeyRing } from '../config/encryption-keys.js';
import { ConfigError, loadConfig } from '../config/env.schema.js';
import { openCliDatabase } from './open-database.js';
import { Vault } from '../core/vault/vault.js';
import { SigningKeys } from '../modules/oauth/signing-keys.js';
import { SystemSetting } from '../modules/system/system-setting.entity.js';
import { SystemSettingsRepository } from '../modules/system/system-settings.repository.js';

/**
 * `npm run oauth:rotate-key`: adds a new ES256 signing key for access tokens. Backends sign with it from their next
 * start; the old key stays in the JWKS for the overlap (the access token lifetime plus an hour), so tokens it signed
 * keep verifying on satellites, which refetch the JWKS when they meet an unknown `kid`.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const vault = new Vault(loadKeyRing(config.encryption));
  const dataSource = await openCliDatabase(config);
  try {
    const keys = new SigningKeys(new SystemSettingsRepository(dataSource.getRepository(SystemSetting)), vault);
    const { added, retired } = await keys.rotate();
    process.stdout.write(
      `New signing key ${added}. Restart the backends to sign with it; ${retired.length > 0 ? `${retired.join(', ')} stays published until its tokens expired.` : 'there was no previous key.'}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `orbit-oauth-rotate-key: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

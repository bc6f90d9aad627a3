import 'reflect-metadata';
import { loadKeyRing } from '../config/encryption-keys.js';
import { ConfigError, loadConfig } from '../config/env.schema.js';
import { openCliDatabase } from './open-database.js';
import { Vault } from '../core/vault/vault.js';
import { activationDelayMs, SigningKeys } from '../modules/oauth/signing-keys.js';
import { SystemSetting } from '../modules/system/system-setting.entity.js';
import { SystemSettingsRepository } from '../modules/system/system-settings.repository.js';

/**
 * `npm run oauth:rotate-key`: adds a new ES256 signing key for access tokens. Running backends publish it within
 * `OAUTH_KEY_RELOAD_MS` and sign with it a minute after that (publish before sign: satellites, which refetch the JWKS
 * when they meet an unknown `kid`, find it wherever they fetch); the old key stays in the JWKS for the overlap (the
 * access token lifetime plus an hour), so tokens it signed keep verifying.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const vault = new Vault(loadKeyRing(config.encryption));
  const dataSource = await openCliDatabase(config);
  try {
    const keys = new SigningKeys(new SystemSettingsRepository(dataSource.getRepository(SystemSetting)), vault);
    const reloadSeconds = Math.ceil(config.oauth.keyReloadMs / 1000);
    const { added, retired, activatesAt } = await keys.rotate(activationDelayMs(config.oauth.keyReloadMs));
    process.stdout.write(
      `New signing key ${added}: running backends publish it within ${reloadSeconds} s and sign with it from ${activatesAt}. ${retired.length > 0 ? `${retired.join(', ')} stays published until its tokens expired.` : 'There was no previous key.'}\n`,
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

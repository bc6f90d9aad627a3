import 'reflect-metadata';
import { loadKeyRing } from '../config/encryption-keys.js';
import { ConfigError, loadConfig } from '../config/env.schema.js';
import { openCliDatabase } from './open-database.js';
import { rotateSealedValues } from '../core/vault/rotate-sealed.js';
import { Vault } from '../core/vault/vault.js';

/**
 * `npm run vault:rotate`: after a new key was put first in ORBIT_ENCRYPTION_KEY_FILE, re-encrypts every stored secret
 * with it, in batches, while the backend keeps serving. Then the old key line can be removed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const vault = new Vault(loadKeyRing(config.encryption));
  const dataSource = await openCliDatabase(config);
  try {
    process.stdout.write(`Re-encrypting stored secrets with key ${vault.activeKeyId}…\n`);
    const results = await rotateSealedValues(dataSource, vault, {
      onProgress: (p) =>
        process.stdout.write(`  ${p.table}: ${p.rowsScanned} rows checked, ${p.valuesResealed} values re-encrypted\n`),
    });
    const total = results.reduce((sum, r) => sum + r.valuesResealed, 0);
    process.stdout.write(`Done: ${total} values re-encrypted; every secret is now under ${vault.activeKeyId}.\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `orbit-vault-rotate: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

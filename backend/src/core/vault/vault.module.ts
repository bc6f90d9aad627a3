import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import { loadKeyRing } from '../../config/encryption-keys.js';
import type { AppConfig } from '../../config/env.schema.js';
import { Vault } from './vault.js';

@Global()
@Module({
  providers: [
    { provide: Vault, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Vault(loadKeyRing(config.encryption)) },
  ],
  exports: [Vault],
})
export class VaultModule {}

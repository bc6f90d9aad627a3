import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/env.schema.js';
import { DatabaseModule } from './core/database/database.module.js';
import { AllExceptionsFilter } from './core/errors/all-exceptions.filter.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { QueueModule } from './core/queue/queue.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { CatalogModule } from './modules/catalog/catalog.module.js';
import { InstallationsModule } from './modules/installations/installations.module.js';
import { OAuthModule } from './modules/oauth/oauth.module.js';
import { RegistryModule } from './modules/registry/registry.module.js';
import { SatellitesModule } from './modules/satellites/satellites.module.js';
import { VaultModule } from './core/vault/vault.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { SystemModule } from './modules/system/system.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(config.database),
        QueueModule.forRoot(config.redis),
        SystemModule,
        AuditModule,
        IdentityModule,
        VaultModule,
        CatalogModule,
        InstallationsModule,
        SatellitesModule,
        OAuthModule,
        RegistryModule,
        HealthModule,
      ],
      // The access guard (deny by default) is registered by IdentityModule, which provides sessions.
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}

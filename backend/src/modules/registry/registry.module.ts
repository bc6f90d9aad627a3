import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { RegistrySyncService } from './registry-sync.service.js';
import { RegistrySyncWorker } from './registry-sync.worker.js';
import { RegistryController } from './registry.controller.js';

/** Sync from the official MCP Registry into the catalog: scheduled and on demand, resumable, idempotent. */
@Module({
  imports: [IdentityModule],
  controllers: [RegistryController],
  providers: [RegistrySyncService, RegistrySyncWorker],
})
export class RegistryModule {}

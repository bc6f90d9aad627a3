import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InstallationsController } from './installations.controller.js';
import { InstallationsRepository } from './installations.repository.js';
import { InstallationsService } from './installations.service.js';
import { RuntimeConfigService } from './runtime-config.service.js';
import { UserConfigService } from './user-config.service.js';

@Module({
  imports: [CatalogModule, IdentityModule],
  controllers: [InstallationsController],
  providers: [InstallationsRepository, InstallationsService, UserConfigService, RuntimeConfigService],
  exports: [RuntimeConfigService],
})
export class InstallationsModule {}

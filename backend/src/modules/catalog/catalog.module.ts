import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { CatalogController } from './catalog.controller.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';
import { DraftsController } from './drafts/drafts.controller.js';
import { DraftsService } from './drafts/drafts.service.js';

@Module({
  imports: [IdentityModule],
  controllers: [CatalogController, DraftsController],
  providers: [CatalogRepository, CatalogService, DraftsService],
  exports: [CatalogRepository, CatalogService],
})
export class CatalogModule {}

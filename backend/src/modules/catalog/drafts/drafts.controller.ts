import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../../core/auth/access.decorator.js';
import { CurrentAuth, type AuthContext } from '../../../core/auth/auth-context.js';
import { CatalogDraftResponse } from '../catalog.responses.js';
import { CreateDraftDto } from './draft.dto.js';
import { DraftsService, type CatalogDraft } from './drafts.service.js';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog/drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  /** Proposes an entry from a pasted Claude Desktop config or registry server.json. Nothing is saved. */
  @Post()
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: CatalogDraftResponse })
  propose(@CurrentAuth() auth: AuthContext, @Body() dto: CreateDraftDto): CatalogDraft {
    return this.drafts.propose(auth, dto);
  }
}

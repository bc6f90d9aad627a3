import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CatalogServerDto, CatalogVersionDto, Page } from '@orbit/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentAuth, type AuthContext } from '../../core/auth/auth-context.js';
import { ErrorResponseDoc, PageOf } from '../../core/openapi.js';
import { PageQueryDto } from '../../core/pagination.js';
import { CatalogServerResponse, CatalogVersionResponse } from './catalog.responses.js';
import { CatalogService } from './catalog.service.js';
import {
  CatalogQueryDto,
  CreateCatalogServerDto,
  CreateCatalogVersionDto,
  UpdateCatalogServerDto,
  UpdateCatalogVersionDto,
} from './dto/catalog.dto.js';

/** Permissions depend on the entry (global or a team's) and are checked in the service against the role table. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog/servers')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: PageOf(CatalogServerResponse) })
  list(@CurrentAuth() auth: AuthContext, @Query() query: CatalogQueryDto): Promise<Page<CatalogServerDto>> {
    return this.catalog.list(auth, query);
  }

  @Post()
  @Authenticated()
  @ApiCreatedResponse({ type: CatalogServerResponse })
  @ApiConflictResponse({ type: ErrorResponseDoc, description: '`duplicate`: the name is taken' })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateCatalogServerDto): Promise<CatalogServerDto> {
    return this.catalog.create(auth, dto);
  }

  @Get(':serverId')
  @Authenticated({ resource: { param: 'serverId', permission: 'catalog:read' } })
  @ApiOkResponse({ type: CatalogServerResponse })
  get(@CurrentAuth() auth: AuthContext, @Param('serverId') serverId: string): Promise<CatalogServerDto> {
    return this.catalog.get(auth, serverId);
  }

  @Patch(':serverId')
  @Authenticated({ resource: { param: 'serverId', permission: 'catalog:manage-team' } })
  @ApiOkResponse({ type: CatalogServerResponse })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('serverId') serverId: string,
    @Body() dto: UpdateCatalogServerDto,
  ): Promise<CatalogServerDto> {
    return this.catalog.update(auth, serverId, dto);
  }

  @Delete(':serverId')
  @HttpCode(204)
  @Authenticated({ resource: { param: 'serverId', permission: 'catalog:manage-team' } })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDoc, description: '`in_use`: installations use it' })
  remove(@CurrentAuth() auth: AuthContext, @Param('serverId') serverId: string): Promise<void> {
    return this.catalog.remove(auth, serverId);
  }

  @Get(':serverId/versions')
  @Authenticated({ resource: { param: 'serverId', permission: 'catalog:read' } })
  @ApiOkResponse({ type: PageOf(CatalogVersionResponse) })
  versions(
    @CurrentAuth() auth: AuthContext,
    @Param('serverId') serverId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<CatalogVersionDto>> {
    return this.catalog.versions(auth, serverId, query);
  }

  @Post(':serverId/versions')
  @Authenticated({ resource: { param: 'serverId', permission: 'catalog:manage-team' } })
  @ApiCreatedResponse({ type: CatalogVersionResponse })
  @ApiConflictResponse({ type: ErrorResponseDoc, description: '`duplicate`: the version exists' })
  addVersion(
    @CurrentAuth() auth: AuthContext,
    @Param('serverId') serverId: string,
    @Body() dto: CreateCatalogVersionDto,
  ): Promise<CatalogVersionDto> {
    return this.catalog.addVersion(auth, serverId, dto);
  }

  @Patch(':serverId/versions/:versionId')
  @Authenticated({ resource: { param: 'serverId', permission: 'catalog:manage-team' } })
  @ApiOkResponse({ type: CatalogVersionResponse, description: 'The version, with mappingOverridden: true' })
  updateVersion(
    @CurrentAuth() auth: AuthContext,
    @Param('serverId') serverId: string,
    @Param('versionId') versionId: string,
    @Body() dto: UpdateCatalogVersionDto,
  ): Promise<CatalogVersionDto> {
    return this.catalog.updateVersion(auth, serverId, versionId, dto);
  }
}

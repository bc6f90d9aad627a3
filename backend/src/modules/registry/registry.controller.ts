import { Body, Controller, Get, HttpCode, Param, Query, ServiceUnavailableException } from '@nestjs/common';
import { Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, StartSyncResponse, SyncRunDto } from '@orbit/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { ErrorResponseDoc, PageOf } from '../../core/openapi.js';
import { PageQueryDto } from '../../core/pagination.js';
import { StartSyncDto } from './dto/start-sync.dto.js';
import { RegistrySyncService } from './registry-sync.service.js';
import { RegistrySyncWorker } from './registry-sync.worker.js';
import { StartSyncResponseDoc, SyncRunResponse } from './registry.responses.js';

/** Global admins: sync the catalog from the official MCP Registry, and follow the runs. */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('admin/registry/sync')
export class RegistryController {
  constructor(
    private readonly sync: RegistrySyncService,
    private readonly worker: RegistrySyncWorker,
  ) {}

  @Post()
  @HttpCode(202)
  @Authenticated({ permission: 'registry:manage' })
  @ApiAcceptedResponse({ type: StartSyncResponseDoc, description: 'The run is queued; follow it at GET …/sync/:runId' })
  @ApiConflictResponse({ type: ErrorResponseDoc, description: '`in_progress`: a run is already queued or running' })
  async start(@Body() dto: StartSyncDto): Promise<StartSyncResponse> {
    const run = await this.sync.create('manual', dto.full === true);
    try {
      await this.worker.enqueue(run.id);
    } catch (error) {
      await this.sync.abandon(run.id, `could not be queued: ${(error as Error).message}`);
      throw new ServiceUnavailableException('The sync could not be queued: Redis is unreachable. Try again once it is back.');
    }
    return { runId: run.id };
  }

  @Get()
  @Authenticated({ permission: 'registry:manage' })
  @ApiOkResponse({ type: PageOf(SyncRunResponse) })
  list(@Query() query: PageQueryDto): Promise<Page<SyncRunDto>> {
    return this.sync.list(query);
  }

  @Get(':runId')
  @Authenticated({ permission: 'registry:manage' })
  @ApiOkResponse({ type: SyncRunResponse })
  get(@Param('runId') runId: string): Promise<SyncRunDto> {
    return this.sync.get(runId);
  }
}

import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ConnectInfoDto, RevocationFeed } from '@orbit/contracts';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { Authenticated, SatelliteOnly } from '../../core/auth/access.decorator.js';
import { ConnectInfoResponse, RevocationFeedResponse } from './oauth.responses.js';
import { RevocationsService } from './revocations.service.js';
import { SatelliteAudiences } from './satellite-audiences.js';

/** What a developer pastes into an MCP client: the team's MCP URL (its satellite group's `/mcp`). */
@ApiTags('oauth')
@ApiBearerAuth()
@Controller('teams/:teamId/connect')
export class ConnectController {
  constructor(
    private readonly audiences: SatelliteAudiences,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Authenticated({ permission: 'team:read', teamParam: 'teamId' })
  @ApiOkResponse({ type: ConnectInfoResponse })
  async get(@Param('teamId') teamId: string): Promise<ConnectInfoDto> {
    return { teamId, mcpUrl: await this.audiences.defaultForTeam(teamId), issuer: this.config.publicUrl };
  }
}

/** Satellites load the revocation entries in force when they start; new ones are pushed on their queues. */
@ApiTags('satellite')
@ApiBearerAuth()
@Controller('satellite/revocations')
export class SatelliteRevocationsController {
  constructor(private readonly revocations: RevocationsService) {}

  @Get()
  @SatelliteOnly()
  @ApiOkResponse({ type: RevocationFeedResponse })
  async list(): Promise<RevocationFeed> {
    return { entries: await this.revocations.active() };
  }
}

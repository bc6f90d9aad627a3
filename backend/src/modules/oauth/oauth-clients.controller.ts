import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OAuthClientDto, OAuthClientWithSecretDto, Page } from '@orbit/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentAuth, type AuthContext } from '../../core/auth/auth-context.js';
import { PageOf } from '../../core/openapi.js';
import { PageQueryDto } from '../../core/pagination.js';
import { CreateOAuthClientDto } from './dto/oauth-client.dto.js';
import { OAuthClientResponse, OAuthClientWithSecretResponse } from './oauth.responses.js';
import { OAuthClientsService } from './oauth-clients.service.js';

/** A team's OAuth clients: members manage their own, team admins every client of the team. */
@ApiTags('oauth-clients')
@ApiBearerAuth()
@Controller('teams/:teamId/oauth-clients')
export class TeamOAuthClientsController {
  constructor(private readonly clients: OAuthClientsService) {}

  @Get()
  @Authenticated({ permission: 'oauth-clients:manage-own', teamParam: 'teamId' })
  @ApiOkResponse({ type: PageOf(OAuthClientResponse) })
  list(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<OAuthClientDto>> {
    return this.clients.list(auth, teamId, query);
  }

  @Post()
  @Authenticated({ permission: 'oauth-clients:manage-own', teamParam: 'teamId' })
  @ApiCreatedResponse({ type: OAuthClientWithSecretResponse, description: 'The secret is shown this once' })
  create(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Body() dto: CreateOAuthClientDto,
  ): Promise<OAuthClientWithSecretDto> {
    return this.clients.create(auth, teamId, dto);
  }

  @Delete(':clientId')
  @HttpCode(204)
  @Authenticated({ permission: 'oauth-clients:manage-own', teamParam: 'teamId' })
  @ApiNoContentResponse({ description: 'Revoked: its tokens are refused from now on' })
  async revoke(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Param('clientId') clientId: string,
  ): Promise<void> {
    await this.clients.revoke(auth, teamId, clientId);
  }

  @Post(':clientId/rotate-secret')
  @HttpCode(200)
  @Authenticated({ permission: 'oauth-clients:manage-own', teamParam: 'teamId' })
  @ApiOkResponse({
    type: OAuthClientWithSecretResponse,
    description: 'The new secret, shown this once; the old one stops working',
  })
  rotate(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Param('clientId') clientId: string,
  ): Promise<OAuthClientWithSecretDto> {
    return this.clients.rotateSecret(auth, teamId, clientId);
  }
}

/** Global admins: every client, console-made and dynamically registered. */
@ApiTags('oauth-clients')
@ApiBearerAuth()
@Controller('oauth-clients')
export class AllOAuthClientsController {
  constructor(private readonly clients: OAuthClientsService) {}

  @Get()
  @Authenticated({ permission: 'oauth-clients:manage-all' })
  @ApiOkResponse({ type: PageOf(OAuthClientResponse) })
  list(@Query() query: PageQueryDto): Promise<Page<OAuthClientDto>> {
    return this.clients.listAll(query);
  }

  @Delete(':clientId')
  @HttpCode(204)
  @Authenticated({ permission: 'oauth-clients:manage-all' })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revoke(@Param('clientId') clientId: string): Promise<void> {
    await this.clients.revokeAny(clientId);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { EffectiveConfigDto, InstallationDto, MemberConfigStateDto, Page, UserConfigDto } from '@orbit/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentAuth, type AuthContext } from '../../core/auth/auth-context.js';
import { ErrorResponseDoc, PageOf } from '../../core/openapi.js';
import { PageQueryDto } from '../../core/pagination.js';
import { CreateInstallationDto, ToolPolicyDto, UpdateInstallationDto } from './dto/installation.dto.js';
import {
  EffectiveConfigResponse,
  InstallationResponse,
  MemberConfigStateResponse,
  ToolsResponse,
  UserConfigResponse,
} from './installation.responses.js';
import { InstallationsService } from './installations.service.js';
import { UserConfigService } from './user-config.service.js';

@ApiTags('installations')
@ApiBearerAuth()
@Controller('teams/:teamId/installations')
export class InstallationsController {
  constructor(
    private readonly installations: InstallationsService,
    private readonly userConfigs: UserConfigService,
  ) {}

  @Get()
  @Authenticated({ permission: 'installations:read', teamParam: 'teamId' })
  @ApiOkResponse({ type: PageOf(InstallationResponse) })
  list(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<InstallationDto>> {
    return this.installations.list(auth, teamId, query);
  }

  @Post()
  @Authenticated({ permission: 'installations:manage', teamParam: 'teamId' })
  @ApiCreatedResponse({ type: InstallationResponse })
  @ApiConflictResponse({ type: ErrorResponseDoc, description: '`duplicate` slug or `limit_exceeded`' })
  create(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Body() dto: CreateInstallationDto,
  ): Promise<InstallationDto> {
    return this.installations.create(auth, teamId, dto);
  }

  @Get(':installationId')
  @Authenticated({ permission: 'installations:read', teamParam: 'teamId' })
  @ApiOkResponse({ type: InstallationResponse })
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Param('installationId') id: string,
  ): Promise<InstallationDto> {
    return this.installations.get(auth, teamId, id);
  }

  @Patch(':installationId')
  @Authenticated({ permission: 'installations:manage', teamParam: 'teamId' })
  @ApiOkResponse({ type: InstallationResponse })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Param('installationId') id: string,
    @Body() dto: UpdateInstallationDto,
  ): Promise<InstallationDto> {
    return this.installations.update(auth, teamId, id, dto);
  }

  @Delete(':installationId')
  @HttpCode(204)
  @Authenticated({ permission: 'installations:manage', teamParam: 'teamId' })
  @ApiNoContentResponse()
  remove(@Param('teamId') teamId: string, @Param('installationId') id: string): Promise<void> {
    return this.installations.remove(teamId, id);
  }

  @Get(':installationId/user-config')
  @Authenticated({ permission: 'user-config:manage-own', teamParam: 'teamId' })
  @ApiOkResponse({ type: UserConfigResponse })
  userConfig(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Param('installationId') id: string,
  ): Promise<UserConfigDto> {
    return this.userConfigs.get(auth, teamId, id);
  }

  @Put(':installationId/user-config')
  @Authenticated({ permission: 'user-config:manage-own', teamParam: 'teamId' })
  @ApiBody({
    description: '{args: {directories: ["/a"]}, env: {DEBUG: "true"}}; "*****" keeps a stored secret, null erases',
    type: Object,
  })
  @ApiOkResponse({ type: UserConfigResponse })
  putUserConfig(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Param('installationId') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<UserConfigDto> {
    return this.userConfigs.put(auth, teamId, id, body);
  }

  @Get(':installationId/user-configs')
  @Authenticated({ permission: 'installations:manage', teamParam: 'teamId' })
  @ApiOkResponse({ type: PageOf(MemberConfigStateResponse) })
  userConfigStates(
    @Param('teamId') teamId: string,
    @Param('installationId') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<MemberConfigStateDto>> {
    return this.userConfigs.states(teamId, id, query);
  }

  @Get(':installationId/effective-config')
  @Authenticated({ permission: 'user-config:manage-own', teamParam: 'teamId' })
  @ApiOkResponse({ type: EffectiveConfigResponse })
  effective(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Param('installationId') id: string,
  ): Promise<EffectiveConfigDto> {
    return this.userConfigs.effective(auth, teamId, id);
  }

  /** Tools are discovered by satellites (satellite runtime issue); until then the list is empty and only the policy is kept. */
  @Get(':installationId/tools')
  @Authenticated({ permission: 'installations:read', teamParam: 'teamId' })
  @ApiOkResponse({ type: ToolsResponse })
  async tools(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Param('installationId') id: string,
  ): Promise<ToolsResponse> {
    const installation = await this.installations.get(auth, teamId, id);
    return { tools: [], disabled: installation.toolPolicy.disabled };
  }

  @Patch(':installationId/tools')
  @Authenticated({ permission: 'installations:manage', teamParam: 'teamId' })
  @ApiOkResponse({ type: ToolsResponse })
  async setTools(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId') teamId: string,
    @Param('installationId') id: string,
    @Body() dto: ToolPolicyDto,
  ): Promise<ToolsResponse> {
    const installation = await this.installations.update(auth, teamId, id, { toolPolicy: dto });
    return { tools: [], disabled: installation.toolPolicy.disabled };
  }
}

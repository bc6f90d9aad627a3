import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { MemberDto, Page, TeamDto } from '@orbit/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentAuth, type AuthContext } from '../../core/auth/auth-context.js';
import { PageQueryDto } from '../../core/pagination.js';
import { AddMemberDto, CreateTeamDto, UpdateMemberDto, UpdateTeamDto } from './dto/team.dto.js';
import { MembersService } from './members.service.js';
import { TeamsService } from './teams.service.js';
import { ErrorResponseDoc, PageOf } from '../../core/openapi.js';
import { MemberResponse, TeamResponse } from '../identity/responses.dto.js';

@ApiTags('teams')
@ApiResponse({ status: 400, type: ErrorResponseDoc, description: 'Validation failed (field messages in details)' })
@ApiResponse({ status: 401, type: ErrorResponseDoc, description: 'No or bad credentials' })
@ApiResponse({ status: 403, type: ErrorResponseDoc, description: 'Known resource, not allowed' })
@ApiResponse({ status: 404, type: ErrorResponseDoc, description: 'Unknown or foreign id' })
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly members: MembersService,
  ) {}

  /** The caller's teams; every team for global admins. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: PageOf(TeamResponse) })
  list(@CurrentAuth() auth: AuthContext, @Query() query: PageQueryDto): Promise<Page<TeamDto>> {
    return this.teams.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: 'teams:create' })
  @ApiCreatedResponse({ type: TeamResponse, description: 'The team; the caller is its team admin' })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateTeamDto): Promise<TeamDto> {
    return this.teams.create(auth, dto);
  }

  @Get(':teamId')
  @Authenticated({ permission: 'team:read', teamParam: 'teamId' })
  @ApiOkResponse({ type: TeamResponse })
  get(@CurrentAuth() auth: AuthContext, @Param('teamId') teamId: string): Promise<TeamDto> {
    return this.teams.get(auth, teamId);
  }

  @Patch(':teamId')
  @Authenticated({ permission: 'team:update', teamParam: 'teamId' })
  @ApiOkResponse({ type: TeamResponse })
  update(@CurrentAuth() auth: AuthContext, @Param('teamId') teamId: string, @Body() dto: UpdateTeamDto): Promise<TeamDto> {
    return this.teams.update(auth, teamId, dto);
  }

  @Delete(':teamId')
  @HttpCode(204)
  @Authenticated({ permission: 'team:delete', teamParam: 'teamId' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: '`personal_team`' })
  remove(@Param('teamId') teamId: string): Promise<void> {
    return this.teams.remove(teamId);
  }

  @Get(':teamId/members')
  @Authenticated({ permission: 'team:members:read', teamParam: 'teamId' })
  @ApiOkResponse({ type: PageOf(MemberResponse) })
  listMembers(@Param('teamId') teamId: string, @Query() query: PageQueryDto): Promise<Page<MemberDto>> {
    return this.members.list(teamId, query);
  }

  @Post(':teamId/members')
  @Authenticated({ permission: 'team:members:manage', teamParam: 'teamId' })
  @ApiCreatedResponse({ type: MemberResponse })
  @ApiConflictResponse({ type: ErrorResponseDoc, description: '`personal_team`, `duplicate` or `limit_exceeded`' })
  addMember(@Param('teamId') teamId: string, @Body() dto: AddMemberDto): Promise<MemberDto> {
    return this.members.add(teamId, dto);
  }

  @Patch(':teamId/members/:userId')
  @Authenticated({ permission: 'team:members:manage', teamParam: 'teamId' })
  @ApiOkResponse({ type: MemberResponse })
  @ApiConflictResponse({ type: ErrorResponseDoc, description: '`last_team_admin`' })
  changeRole(@Param('teamId') teamId: string, @Param('userId') userId: string, @Body() dto: UpdateMemberDto): Promise<MemberDto> {
    return this.members.changeRole(teamId, userId, dto.role);
  }

  @Delete(':teamId/members/:userId')
  @HttpCode(204)
  @Authenticated({ permission: 'team:members:manage', teamParam: 'teamId' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: '`personal_team` or `last_team_admin`' })
  removeMember(@Param('teamId') teamId: string, @Param('userId') userId: string): Promise<void> {
    return this.members.remove(teamId, userId);
  }
}

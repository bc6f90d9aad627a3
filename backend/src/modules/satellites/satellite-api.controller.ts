import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TeamRuntimeState } from '@orbit/contracts';
import type { Request } from 'express';
import { SatelliteOnly } from '../../core/auth/access.decorator.js';
import type { RequestWithSatellite } from '../../core/auth/access.guard.js';
import { AppException } from '../../core/errors/app.exception.js';
import { RuntimeConfigService } from '../installations/runtime-config.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { SatellitesRepository } from './satellites.repository.js';
import { ApiProperty } from '@nestjs/swagger';
import { isId } from '../../core/ids.js';

class TeamRuntimeStateResponse {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ description: 'the team config version this state reflects' }) configVersion!: number;
  @ApiProperty({
    type: [Object],
    description: 'installations with definition, locks, team values and members’ values, secrets opened',
  })
  installations!: object[];
}

/** What satellites read from the control plane, with their credential. */
@ApiTags('satellite')
@ApiBearerAuth()
@Controller('satellite')
export class SatelliteApiController {
  constructor(
    private readonly runtime: RuntimeConfigService,
    private readonly teams: TeamsRepository,
    private readonly satellites: SatellitesRepository,
  ) {}

  /** The team's desired state, secrets opened: only for a satellite that serves the team (404 otherwise). */
  @Get('teams/:teamId/runtime-state')
  @SatelliteOnly()
  @ApiOkResponse({ type: TeamRuntimeStateResponse })
  async runtimeState(@Param('teamId') teamId: string, @Req() req: Request & RequestWithSatellite): Promise<TeamRuntimeState> {
    const satellite = req.satellite!;
    const team = isId(teamId) ? await this.teams.findById(teamId) : null;
    const serving = team ? await this.satellites.servingTeam(team.id) : [];
    if (!team || !serving.some((s) => s.id === satellite.id)) throw AppException.notFound('Team');
    // Read the version first: a change landing meanwhile bumps it past what we return, so the satellite fetches again.
    const configVersion = team.configVersion;
    return { teamId: team.id, configVersion, installations: await this.runtime.teamState(team.id) };
  }
}

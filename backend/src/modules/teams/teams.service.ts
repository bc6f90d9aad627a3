import { Inject, Injectable } from '@nestjs/common';
import type { Page, TeamDto } from '@orbit/contracts';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { isGlobalAdmin, type AuthContext } from '../../core/auth/auth-context.js';
import { AppException, ErrorCode } from '../../core/errors/app.exception.js';
import { pageWindow, toPage, type PageQueryDto } from '../../core/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateTeamDto, UpdateTeamDto } from './dto/team.dto.js';
import { Membership } from './membership.entity.js';
import { slugify, uniqueSlug } from './personal-team.js';
import { Team } from './team.entity.js';
import { TeamsRepository } from './teams.repository.js';

function teamAudit(team: Team): Record<string, unknown> {
  return { name: team.name, slug: team.slug, limits: { maxMembers: team.maxMembers, maxInstallations: team.maxInstallations } };
}

@Injectable()
export class TeamsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(auth: AuthContext, query: PageQueryDto): Promise<Page<TeamDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.teams.list(window.limit, window.offset, isGlobalAdmin(auth) ? undefined : auth.user.id);
    const counts = await this.teams.memberCounts(rows.map((t) => t.id));
    return toPage(
      rows.map((t) => this.toDto(t, counts.get(t.id) ?? 0, auth)),
      total,
      window,
    );
  }

  async get(auth: AuthContext, teamId: string): Promise<TeamDto> {
    const team = await this.require(teamId);
    return this.toDto(team, await this.teams.countMembers(teamId), auth);
  }

  async create(auth: AuthContext, dto: CreateTeamDto): Promise<TeamDto> {
    if (this.config.teamCreation === 'admins' && !isGlobalAdmin(auth)) {
      throw new AppException(ErrorCode.Forbidden, 'Only global admins may create teams on this Orbit');
    }
    const team = await this.teams.transaction(async (manager) => {
      let slug = dto.slug;
      if (slug !== undefined && (await this.teams.slugTaken(slug, manager))) {
        throw AppException.conflict('duplicate', `A team with slug ${slug} already exists`);
      }
      slug ??= await uniqueSlug(this.teams, slugify(dto.name), manager);
      const created = new Team();
      created.id = randomUUID();
      created.name = dto.name;
      created.slug = slug;
      created.personal = false;
      created.configVersion = 0;
      created.maxMembers = null;
      created.maxInstallations = null;
      await this.teams.save(created, manager);
      const membership = new Membership();
      membership.teamId = created.id;
      membership.userId = auth.user.id;
      membership.role = 'team_admin';
      await this.teams.saveMembership(membership, manager);
      return created;
    });
    await this.audit.record({
      action: 'team.create',
      target: { type: 'team', id: team.id },
      teamId: team.id,
      after: teamAudit(team),
    });
    return this.toDto(team, 1, { ...auth, memberships: new Map([...auth.memberships, [team.id, 'team_admin']]) });
  }

  async update(auth: AuthContext, teamId: string, dto: UpdateTeamDto): Promise<TeamDto> {
    const team = await this.require(teamId);
    if (dto.limits !== undefined && !isGlobalAdmin(auth)) {
      throw new AppException(ErrorCode.Forbidden, 'Only global admins may change team limits');
    }
    const before = teamAudit(team);
    if (dto.name !== undefined) team.name = dto.name;
    if (dto.limits?.maxMembers !== undefined) team.maxMembers = dto.limits.maxMembers;
    if (dto.limits?.maxInstallations !== undefined) team.maxInstallations = dto.limits.maxInstallations;
    await this.teams.save(team);
    await this.audit.record({
      action: 'team.update',
      target: { type: 'team', id: team.id },
      teamId,
      before,
      after: teamAudit(team),
    });
    return this.toDto(team, await this.teams.countMembers(teamId), auth);
  }

  async remove(teamId: string): Promise<void> {
    const team = await this.require(teamId);
    if (team.personal) throw AppException.conflict('personal_team', 'A personal team cannot be deleted');
    await this.teams.transaction((manager) => this.teams.delete(teamId, manager));
    await this.audit.record({ action: 'team.delete', target: { type: 'team', id: teamId }, teamId, before: teamAudit(team) });
  }

  async require(teamId: string): Promise<Team> {
    const team = await this.teams.findById(teamId);
    if (!team) throw AppException.notFound('Team');
    return team;
  }

  private toDto(team: Team, memberCount: number, auth: AuthContext): TeamDto {
    const myRole = auth.memberships.get(team.id);
    return {
      id: team.id,
      name: team.name,
      slug: team.slug,
      personal: team.personal,
      configVersion: team.configVersion,
      limits: { maxMembers: team.maxMembers, maxInstallations: team.maxInstallations },
      memberCount,
      ...(myRole && { myRole }),
      createdAt: team.createdAt.toISOString(),
      updatedAt: team.updatedAt.toISOString(),
    };
  }
}

import { Injectable } from '@nestjs/common';
import type { MemberDto, Page, TeamRole } from '@orbit/contracts';
import { AppException, ErrorCode } from '../../core/errors/app.exception.js';
import { pageWindow, toPage, type PageQueryDto } from '../../core/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessEvents } from '../../core/auth/access-events.js';
import { WakeupService } from '../satellites/wakeups.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { AddMemberDto } from './dto/team.dto.js';
import { Membership } from './membership.entity.js';
import { TeamsRepository } from './teams.repository.js';
import { TeamsService } from './teams.service.js';
import { isId } from '../../core/ids.js';

/**
 * Memberships. Every change bumps the team's config version: who is a member decides whose MCP server instances a
 * satellite runs for the team.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly teamService: TeamsService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly wakeups: WakeupService,
    private readonly accessEvents: AccessEvents,
  ) {}

  async list(teamId: string, query: PageQueryDto): Promise<Page<MemberDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.teams.members(teamId, window.limit, window.offset);
    return toPage(
      rows.map((r) => ({ userId: r.userId, email: r.email, name: r.name, role: r.role, joinedAt: r.joinedAt.toISOString() })),
      total,
      window,
    );
  }

  async add(teamId: string, dto: AddMemberDto): Promise<MemberDto> {
    const team = await this.teamService.require(teamId);
    if (team.personal) throw AppException.conflict('personal_team', 'A personal team cannot have other members');
    const user = await this.users.findByEmail(dto.email);
    if (!user) {
      throw new AppException(
        ErrorCode.NotFound,
        `No user has the email ${dto.email.toLowerCase()}: a global admin creates the account first`,
      );
    }
    const membership = await this.teams.transaction(async (manager) => {
      if (await this.teams.membership(teamId, user.id, manager)) {
        throw AppException.conflict('duplicate', `${user.email} is already a member of this team`);
      }
      if (team.maxMembers !== null && (await this.teams.countMembers(teamId, manager)) >= team.maxMembers) {
        throw AppException.conflict('limit_exceeded', `This team is limited to ${team.maxMembers} members`);
      }
      const created = new Membership();
      created.teamId = teamId;
      created.userId = user.id;
      created.role = dto.role;
      const saved = await this.teams.saveMembership(created, manager);
      await this.teams.bumpConfigVersion(teamId, manager);
      return saved;
    });
    await this.wakeups.teamChanged(teamId, 'membership');
    await this.audit.record({
      action: 'team.member.add',
      target: { type: 'user', id: user.id },
      teamId,
      after: { email: user.email, role: dto.role },
    });
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: membership.role,
      joinedAt: membership.createdAt.toISOString(),
    };
  }

  async changeRole(teamId: string, userId: string, role: TeamRole): Promise<MemberDto> {
    const { membership, email, name } = await this.require(teamId, userId);
    const before = membership.role;
    if (before === 'team_admin' && role !== 'team_admin' && (await this.teams.countAdmins(teamId)) <= 1) {
      throw AppException.conflict('last_team_admin', 'A team needs at least one team admin: promote another member first');
    }
    membership.role = role;
    await this.teams.transaction(async (manager) => {
      await this.teams.saveMembership(membership, manager);
      await this.teams.bumpConfigVersion(teamId, manager);
    });
    await this.wakeups.teamChanged(teamId, 'membership');
    await this.audit.record({
      action: 'team.member.role',
      target: { type: 'user', id: userId },
      teamId,
      before: { role: before },
      after: { role },
    });
    return { userId, email, name, role, joinedAt: membership.createdAt.toISOString() };
  }

  async remove(teamId: string, userId: string): Promise<void> {
    const team = await this.teamService.require(teamId);
    const { membership, email } = await this.require(teamId, userId);
    if (team.personal) throw AppException.conflict('personal_team', 'The owner of a personal team cannot be removed from it');
    if (membership.role === 'team_admin' && (await this.teams.countAdmins(teamId)) <= 1) {
      throw AppException.conflict('last_team_admin', 'A team needs at least one team admin: promote another member first');
    }
    await this.teams.transaction(async (manager) => {
      await this.teams.removeMembership(teamId, userId, manager);
      await this.teams.bumpConfigVersion(teamId, manager);
    });
    await this.wakeups.teamChanged(teamId, 'membership');
    await this.accessEvents.accessEnded({ userId, teamId, reason: 'member-removed' });
    await this.audit.record({
      action: 'team.member.remove',
      target: { type: 'user', id: userId },
      teamId,
      before: { email, role: membership.role },
    });
  }

  private async require(teamId: string, userId: string) {
    const membership = isId(userId) ? await this.teams.membership(teamId, userId) : null;
    const user = membership ? await this.users.findById(userId) : null;
    if (!membership || !user) throw AppException.notFound('Member');
    return { membership, email: user.email, name: user.name };
  }
}

import { Injectable } from '@nestjs/common';
import type { Page, UserDto } from '@orbit/contracts';
import { randomUUID } from 'node:crypto';
import { AccessEvents } from '../../core/auth/access-events.js';
import type { AuthContext } from '../../core/auth/auth-context.js';
import { hashPassword, passwordProblems } from '../../core/auth/passwords.js';
import { AppException } from '../../core/errors/app.exception.js';
import { pageWindow, toPage } from '../../core/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import { createPersonalTeam } from '../teams/personal-team.js';
import { WakeupService } from '../satellites/wakeups.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import type { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto.js';
import { User } from './user.entity.js';
import { auditView, toUserDto } from './users.mapper.js';
import { UsersRepository } from './users.repository.js';
import { isId } from '../../core/ids.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly wakeups: WakeupService,
    private readonly accessEvents: AccessEvents,
  ) {}

  async list(query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.users.list(query.q?.trim() || undefined, window.limit, window.offset);
    const linked = await this.users.ssoLinkedUserIds(rows.map((u) => u.id));
    return toPage(
      rows.map((u) => toUserDto(u, linked.has(u.id))),
      total,
      window,
    );
  }

  async get(userId: string): Promise<UserDto> {
    const user = await this.require(userId);
    return toUserDto(user, await this.users.hasSsoIdentity(user.id));
  }

  /** Creates an account with its personal team. Also used for the bootstrap admin and SSO just-in-time accounts. */
  async create(dto: CreateUserDto, options: { audit?: boolean } = {}): Promise<User> {
    const email = dto.email.trim().toLowerCase();
    if (await this.users.findByEmail(email))
      throw AppException.conflict('duplicate', `A user with email ${email} already exists`);
    if (dto.password !== undefined) {
      const problems = passwordProblems(dto.password, 'password', email);
      if (problems.length > 0) throw AppException.validation(problems, 'The password is too weak');
    }
    const user = new User();
    user.id = randomUUID();
    user.email = email;
    user.name = dto.name.trim();
    user.passwordHash = dto.password === undefined ? null : await hashPassword(dto.password);
    user.globalRole = dto.globalRole ?? 'global_user';
    user.disabled = false;
    const saved = await this.users.transaction(async (manager) => {
      const created = await this.users.save(user, manager);
      await createPersonalTeam(this.teams, created, manager);
      return created;
    });
    if (options.audit !== false)
      await this.audit.record({ action: 'user.create', target: { type: 'user', id: saved.id }, after: auditView(saved) });
    return saved;
  }

  async update(userId: string, dto: UpdateUserDto, auth: AuthContext): Promise<UserDto> {
    const user = await this.require(userId);
    const before = auditView(user);
    const losesAdmin =
      user.globalRole === 'global_admin' && !user.disabled && (dto.globalRole === 'global_user' || dto.disabled === true);
    if (losesAdmin && (await this.users.countActiveGlobalAdmins()) <= 1) {
      throw AppException.conflict('last_global_admin', 'This is the last active global admin: promote another user first');
    }
    if (dto.disabled === true && user.id === auth.user.id) {
      throw AppException.validation([{ field: 'disabled', message: 'You cannot disable your own account' }]);
    }
    if (dto.name !== undefined) user.name = dto.name;
    if (dto.globalRole !== undefined) user.globalRole = dto.globalRole;
    if (dto.disabled !== undefined) user.disabled = dto.disabled;
    const saved = await this.users.save(user);
    if (dto.disabled !== undefined && dto.disabled !== before.disabled) {
      // Disabling ends every session at once (tokens are checked against the session on each request), and changes
      // whose instances satellites run in each of the user's teams.
      if (dto.disabled) {
        await this.sessions.revokeAllForUser(user.id);
        await this.accessEvents.accessEnded({ userId: user.id, teamId: null, reason: 'user-disabled' });
      }
      for (const { team } of await this.teams.membershipsOf(user.id)) {
        await this.teams.bumpConfigVersion(team.id);
        await this.wakeups.teamChanged(team.id, 'membership');
      }
    }
    await this.audit.record({ action: 'user.update', target: { type: 'user', id: user.id }, before, after: auditView(saved) });
    return toUserDto(saved, await this.users.hasSsoIdentity(user.id));
  }

  async remove(userId: string, auth: AuthContext): Promise<void> {
    const user = await this.require(userId);
    if (user.id === auth.user.id)
      throw AppException.validation([{ field: 'userId', message: 'You cannot delete your own account' }]);
    if (user.globalRole === 'global_admin' && !user.disabled && (await this.users.countActiveGlobalAdmins()) <= 1) {
      throw AppException.conflict('last_global_admin', 'This is the last active global admin: promote another user first');
    }
    const memberships = await this.teams.membershipsOf(user.id);
    for (const { team, role } of memberships) {
      if (
        !team.personal &&
        role === 'team_admin' &&
        (await this.teams.countAdmins(team.id)) <= 1 &&
        (await this.teams.countMembers(team.id)) > 1
      ) {
        throw AppException.conflict(
          'last_team_admin',
          `${user.email} is the last team admin of "${team.name}": make another member team admin first`,
        );
      }
    }
    await this.users.transaction(async (manager) => {
      await this.sessions.deleteAllForUser(user.id, manager);
      for (const { team } of memberships) {
        if (team.personal || (await this.teams.countMembers(team.id, manager)) <= 1) await this.teams.delete(team.id, manager);
        else {
          await this.teams.removeMembership(team.id, user.id, manager);
          await this.teams.bumpConfigVersion(team.id, manager);
        }
      }
      await this.users.delete(user.id, manager);
    });
    await this.accessEvents.accessEnded({ userId: user.id, teamId: null, reason: 'user-deleted' });
    for (const { team } of memberships) await this.wakeups.teamChanged(team.id, 'membership');
    await this.audit.record({ action: 'user.delete', target: { type: 'user', id: user.id }, before: auditView(user) });
  }

  private async require(userId: string): Promise<User> {
    const user = isId(userId) ? await this.users.findById(userId) : null;
    if (!user) throw AppException.notFound('User');
    return user;
  }
}

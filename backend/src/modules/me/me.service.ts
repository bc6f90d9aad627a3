import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '@orbit/contracts';
import { hashPassword, passwordProblems, verifyPassword } from '../../core/auth/passwords.js';
import type { AuthContext } from '../../core/auth/auth-context.js';
import { AppException } from '../../core/errors/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import type { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';

@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  async describe(user: User): Promise<CurrentUser> {
    const memberships = await this.teams.membershipsOf(user.id);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      globalRole: user.globalRole,
      teams: memberships
        .map(({ team, role }) => ({ teamId: team.id, teamName: team.name, role, personal: team.personal }))
        .sort((a, b) => Number(b.personal) - Number(a.personal) || a.teamName.localeCompare(b.teamName)),
    };
  }

  async get(auth: AuthContext): Promise<CurrentUser> {
    return this.describe(await this.require(auth));
  }

  async rename(auth: AuthContext, name: string): Promise<CurrentUser> {
    const user = await this.require(auth);
    const before = { name: user.name };
    user.name = name;
    await this.users.save(user);
    await this.audit.record({ action: 'me.update', target: { type: 'user', id: user.id }, before, after: { name } });
    return this.describe(user);
  }

  /** Checks the current password, applies the policy, and ends the caller's other sessions. */
  async changePassword(auth: AuthContext, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.require(auth);
    if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw AppException.validation(
        [{ field: 'currentPassword', message: 'currentPassword is not your current password' }],
        'The current password is wrong',
      );
    }
    const problems = passwordProblems(newPassword, 'newPassword', user.email);
    if (newPassword === currentPassword)
      problems.push({ field: 'newPassword', message: 'newPassword must differ from the current password' });
    if (problems.length > 0) throw AppException.validation(problems, 'The new password is too weak');
    user.passwordHash = await hashPassword(newPassword);
    await this.users.save(user);
    // Someone who knew the old password may hold a session: end every session but this one.
    const ended = await this.sessions.revokeAllForUser(user.id, auth.sessionId);
    await this.audit.record({
      action: 'me.password',
      target: { type: 'user', id: user.id },
      after: { otherSessionsEnded: ended },
    });
  }

  private async require(auth: AuthContext): Promise<User> {
    const user = await this.users.findById(auth.user.id);
    if (!user) throw AppException.notFound('User');
    return user;
  }
}

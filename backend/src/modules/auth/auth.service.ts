import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '@orbit/contracts';
import { decoyHash, verifyPassword } from '../../core/auth/passwords.js';
import { AppException, ErrorCode } from '../../core/errors/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { MeService } from '../me/me.service.js';
import type { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionsService, type IssuedTokens } from './sessions.service.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly me: MeService,
    private readonly audit: AuditService,
  ) {}

  async login(
    email: string,
    password: string,
    client: { ip: string; userAgent?: string },
  ): Promise<{ tokens: IssuedTokens; user: CurrentUser }> {
    const normalized = email.toLowerCase();
    await this.throttle.check(normalized, client.ip);
    const user = await this.users.findByEmail(normalized);
    // An unknown account costs the same hash as a known one, so timing does not reveal which emails exist.
    const valid = user?.passwordHash
      ? await verifyPassword(password, user.passwordHash)
      : await verifyPassword(password, await decoyHash()).then(() => false);
    if (!user || !valid) {
      await this.throttle.recordFailure(normalized, client.ip);
      await this.audit.record({
        action: 'auth.login.failed',
        target: { type: 'user', id: user?.id ?? null },
        actor: { id: user?.id ?? null, email: normalized },
      });
      throw new AppException(ErrorCode.Unauthorized, 'Invalid email or password');
    }
    if (user.disabled) throw new AppException(ErrorCode.Unauthorized, 'This account is disabled');
    await this.throttle.recordSuccess(normalized, client.ip);
    return this.signIn(user, client, 'password');
  }

  /** Starts a console session for a user who proved who they are (password or SSO). */
  async signIn(
    user: User,
    client: { ip: string; userAgent?: string },
    method: 'password' | 'sso',
  ): Promise<{ tokens: IssuedTokens; user: CurrentUser }> {
    const tokens = await this.sessions.start(user, client);
    await this.audit.record({
      action: 'auth.login',
      target: { type: 'user', id: user.id },
      actor: { id: user.id, email: user.email },
      after: { method },
    });
    return { tokens, user: await this.me.describe(user) };
  }

  async refresh(refreshToken: string): Promise<{ tokens: IssuedTokens; user: CurrentUser } | null> {
    const refreshed = await this.sessions.refresh(refreshToken);
    return refreshed ? { tokens: refreshed.tokens, user: await this.me.describe(refreshed.user) } : null;
  }

  async logout(refreshToken: string | undefined, accessToken: string | undefined): Promise<void> {
    if (refreshToken) await this.sessions.endByRefreshToken(refreshToken);
    if (accessToken) {
      const auth = await this.sessions.authenticate(accessToken);
      if (auth) await this.sessions.endSession(auth.sessionId);
    }
  }
}

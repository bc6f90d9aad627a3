import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import type { AuthContext } from '../../core/auth/auth-context.js';
import { newToken, sha256Hex } from '../../core/auth/tokens.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import type { User } from '../users/user.entity.js';
import { Session } from './session.entity.js';
import { SessionsRepository } from './sessions.repository.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

/** Console sessions: issue, authenticate, rotate and revoke. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
  ) {}

  async start(user: User, client: { userAgent?: string; ip?: string }): Promise<IssuedTokens> {
    const session = new Session();
    session.id = randomUUID();
    session.userId = user.id;
    session.previousRefreshHash = null;
    session.revokedAt = null;
    session.userAgent = client.userAgent?.slice(0, 255) ?? null;
    session.ip = client.ip?.slice(0, 64) ?? null;
    const tokens = this.rotate(session);
    await this.sessions.save(session);
    return tokens;
  }

  /** The caller behind an access token, or null when it is unknown, expired, revoked or its user is disabled. */
  async authenticate(accessToken: string): Promise<AuthContext | null> {
    const session = await this.sessions.findByAccessHash(sha256Hex(accessToken));
    if (!session || session.revokedAt || session.accessExpiresAt.getTime() <= Date.now()) return null;
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) return null;
    return this.contextFor(user, session.id);
  }

  async contextFor(user: User, sessionId: string): Promise<AuthContext> {
    const memberships = await this.teams.membershipsOf(user.id);
    return {
      user: { id: user.id, email: user.email, name: user.name, globalRole: user.globalRole },
      sessionId,
      memberships: new Map(memberships.map((m) => [m.team.id, m.role])),
    };
  }

  /**
   * Trades a refresh token for new tokens. A refresh token that was already rotated out means it leaked or was
   * replayed: the whole session is revoked.
   */
  async refresh(refreshToken: string): Promise<{ user: User; sessionId: string; tokens: IssuedTokens } | null> {
    const hash = sha256Hex(refreshToken);
    const session = await this.sessions.findByRefreshHash(hash);
    if (!session) {
      const replayed = await this.sessions.findByPreviousRefreshHash(hash);
      if (replayed) await this.sessions.revoke(replayed.id);
      return null;
    }
    if (session.revokedAt || session.refreshExpiresAt.getTime() <= Date.now()) return null;
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) return null;
    const tokens = this.rotate(session);
    await this.sessions.save(session);
    return { user, sessionId: session.id, tokens };
  }

  async endByRefreshToken(refreshToken: string): Promise<void> {
    const session = await this.sessions.findByRefreshHash(sha256Hex(refreshToken));
    if (session) await this.sessions.revoke(session.id);
  }

  endSession(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId);
  }

  endAllForUser(userId: string): Promise<number> {
    return this.sessions.revokeAllForUser(userId);
  }

  private rotate(session: Session): IssuedTokens {
    const accessToken = newToken('orbit_at_');
    const refreshToken = newToken('orbit_rt_');
    const now = Date.now();
    const accessExpiresAt = new Date(now + this.config.sessions.accessTtlSeconds * 1000);
    const refreshExpiresAt = new Date(now + this.config.sessions.refreshTtlSeconds * 1000);
    if (session.refreshHash) session.previousRefreshHash = session.refreshHash;
    session.accessHash = sha256Hex(accessToken);
    session.refreshHash = sha256Hex(refreshToken);
    session.accessExpiresAt = accessExpiresAt;
    session.refreshExpiresAt = refreshExpiresAt;
    return { accessToken, refreshToken, accessExpiresAt, refreshExpiresAt };
  }
}

import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../core/auth/auth-context.js';
import type { Authenticator } from '../../core/auth/access.guard.js';
import { SessionsService } from '../auth/sessions.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';

/** The access guard's view of sessions and teams. */
@Injectable()
export class SessionAuthenticator implements Authenticator {
  constructor(
    private readonly sessions: SessionsService,
    private readonly teams: TeamsRepository,
  ) {}

  authenticate(token: string): Promise<AuthContext | null> {
    return this.sessions.authenticate(token);
  }

  teamExists(teamId: string): Promise<boolean> {
    return this.teams.exists(teamId);
  }
}

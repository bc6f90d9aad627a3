import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../core/auth/auth-context.js';
import type { Authenticator, SatelliteContext } from '../../core/auth/access.guard.js';
import { sha256Hex } from '../../core/auth/tokens.js';
import { SatellitesRepository } from '../satellites/satellites.repository.js';
import { SessionsService } from '../auth/sessions.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';

/** The access guard's view of sessions and teams. */
@Injectable()
export class SessionAuthenticator implements Authenticator {
  constructor(
    private readonly sessions: SessionsService,
    private readonly teams: TeamsRepository,
    private readonly satellites: SatellitesRepository,
  ) {}

  async authenticateSatellite(token: string): Promise<SatelliteContext | null> {
    if (!token.startsWith('orbit_sat_')) return null;
    const satellite = await this.satellites.findByCredentialHash(sha256Hex(token));
    if (!satellite || satellite.status === 'revoked') return null;
    return { id: satellite.id, kind: satellite.kind, teamId: satellite.teamId };
  }

  authenticate(token: string): Promise<AuthContext | null> {
    return this.sessions.authenticate(token);
  }

  teamExists(teamId: string): Promise<boolean> {
    return this.teams.exists(teamId);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { SatellitesRepository } from '../satellites/satellites.repository.js';

/** The `/mcp` URL of a satellite group: the MCP endpoint clients use, and the audience (RFC 8707) of its tokens. */
export function resourceUrlOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/mcp`;
}

/**
 * Which satellite groups serve a team, as resource URLs. A team is served by its team satellites when it has any,
 * otherwise by the global group: `SATELLITE_PUBLIC_URL` and every registered global satellite. Replicas of a group
 * share its public URL, so a URL is a group.
 */
@Injectable()
export class SatelliteAudiences {
  constructor(
    private readonly satellites: SatellitesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every resource URL that may serve the team, the default first. */
  async forTeam(teamId: string): Promise<string[]> {
    const serving = await this.satellites.servingTeam(teamId);
    const own = serving.filter((s) => s.kind === 'team').map((s) => resourceUrlOf(s.publicUrl));
    if (own.length > 0) return unique(own);
    return unique([resourceUrlOf(this.config.satellitePublicUrl), ...serving.map((s) => resourceUrlOf(s.publicUrl))]);
  }

  /** The audience of a token for the team when the client names no resource. */
  async defaultForTeam(teamId: string): Promise<string> {
    return (await this.forTeam(teamId))[0]!;
  }

  /** Whether a resource URL names a satellite group at all (any team's). */
  async isKnown(resource: string): Promise<boolean> {
    if (resource === resourceUrlOf(this.config.satellitePublicUrl)) return true;
    return (await this.satellites.active()).some((s) => resourceUrlOf(s.publicUrl) === resource);
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import type { Satellite } from '../satellites/satellite.entity.js';
import { SatellitesRepository } from '../satellites/satellites.repository.js';

const CACHE_MS = 5_000;

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
  /** Satellites change rarely and every token request asks: the list is read at most once per few seconds. */
  private cache?: { at: number; satellites: Promise<Satellite[]> };

  constructor(
    private readonly satellites: SatellitesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every resource URL that may serve the team, the default first. */
  async forTeam(teamId: string): Promise<string[]> {
    const active = await this.active();
    const own = active.filter((s) => s.kind === 'team' && s.teamId === teamId).map((s) => resourceUrlOf(s.publicUrl));
    if (own.length > 0) return unique(own);
    const global = active.filter((s) => s.kind === 'global').map((s) => resourceUrlOf(s.publicUrl));
    return unique([resourceUrlOf(this.config.satellitePublicUrl), ...global]);
  }

  /** The audience of a token for the team when the client names no resource. */
  async defaultForTeam(teamId: string): Promise<string> {
    return (await this.forTeam(teamId))[0]!;
  }

  /** Whether a resource URL names a satellite group at all (any team's). */
  async isKnown(resource: string): Promise<boolean> {
    if (resource === resourceUrlOf(this.config.satellitePublicUrl)) return true;
    return (await this.active()).some((s) => resourceUrlOf(s.publicUrl) === resource);
  }

  private active(): Promise<Satellite[]> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > CACHE_MS) {
      const satellites = this.satellites.active();
      this.cache = { at: now, satellites };
      satellites.catch(() => (this.cache = undefined));
    }
    return this.cache.satellites;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

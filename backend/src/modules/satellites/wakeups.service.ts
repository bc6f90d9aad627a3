import { Injectable, Logger } from '@nestjs/common';
import type { ConfigChangeReason } from '@orbit/contracts';
import { SatelliteNotifier } from '../../core/queue/satellite-notifier.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { SatellitesRepository } from './satellites.repository.js';

/**
 * After a change to what a team runs has been committed (and its config version bumped), wakes the satellites
 * serving the team. A lost wake-up costs a delay, never a wrong state: satellites fetch the whole state and also
 * converge when they start or reconnect (DESIGN, principle 1). So a Redis failure is logged, never surfaced.
 */
@Injectable()
export class WakeupService {
  private readonly logger = new Logger(WakeupService.name);

  constructor(
    private readonly teams: TeamsRepository,
    private readonly satellites: SatellitesRepository,
    private readonly notifier: SatelliteNotifier,
  ) {}

  async teamChanged(teamId: string, reason: ConfigChangeReason): Promise<void> {
    try {
      const team = await this.teams.findById(teamId);
      if (!team) return;
      const serving = await this.satellites.servingTeam(teamId);
      if (serving.length === 0) return;
      await this.notifier.notifyConfigChanged(
        serving.map((s) => s.id),
        { teamId, version: team.configVersion, reason },
      );
    } catch (error) {
      this.logger.warn(`could not wake the satellites of team ${teamId} (${reason}): ${(error as Error).message}`);
    }
  }
}

import type { ConfigChangedJob, ConfigChangedResult } from '@orbit/contracts';

/**
 * The newest config version seen per team. Jobs can arrive late, twice or out of order (retries, several
 * producers): an older version than the one already taken is ignored (DESIGN, principle 1).
 */
export class DesiredVersions {
  private readonly versions = new Map<string, number>();

  offer(job: ConfigChangedJob): ConfigChangedResult {
    const current = this.versions.get(job.teamId);
    if (current !== undefined && job.version <= current) {
      return { teamId: job.teamId, version: current, outcome: 'stale' };
    }
    this.versions.set(job.teamId, job.version);
    return { teamId: job.teamId, version: job.version, outcome: 'accepted' };
  }

  versionOf(teamId: string): number | undefined {
    return this.versions.get(teamId);
  }

  get size(): number {
    return this.versions.size;
  }
}

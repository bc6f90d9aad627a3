import { SatelliteJobName, isConfigChangedJob, type ConfigChangedResult } from '@orbit/contracts';
import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import { isRevocationFeed, type RevocationList } from '../auth/revocation-list.js';
import type { SatelliteMetrics } from '../metrics.js';
import type { DesiredVersions } from './desired-versions.js';

/** What a revocation job answers: entries received, how many were new, and how many the satellite now holds. */
export interface RevocationResult {
  received: number;
  added: number;
  held: number;
}

export interface ControlJobDeps {
  versions: DesiredVersions;
  revocations: RevocationList;
  metrics: SatelliteMetrics;
  logger: Logger;
}

/**
 * Handles one job of the satellite's control queue. A config-changed job records the team's newest version
 * (fetching the runtime state and reconciling is the satellite runtime's work, a later issue); a revocation job
 * adds its entries to the list the access-token verifier checks, so a revoked token is refused at once.
 * A malformed job throws `UnrecoverableError`: retrying it cannot help.
 */
export function handleControlJob(
  job: { name: string; data: unknown },
  deps: ControlJobDeps,
): ConfigChangedResult | RevocationResult {
  const { versions, revocations, metrics, logger } = deps;
  if (job.name === SatelliteJobName.ConfigChanged && isConfigChangedJob(job.data)) {
    const result = versions.offer(job.data);
    metrics.jobs.inc({ job: job.name, outcome: result.outcome });
    metrics.teams.set(versions.size);
    logger.info(
      { teamId: job.data.teamId, version: job.data.version, reason: job.data.reason, outcome: result.outcome },
      'config changed',
    );
    return result;
  }
  if (job.name === SatelliteJobName.Revocation && isRevocationFeed(job.data)) {
    const added = revocations.add(job.data.entries);
    const result = { received: job.data.entries.length, added, held: revocations.size };
    metrics.jobs.inc({ job: job.name, outcome: 'accepted' });
    logger.info(result, 'revocation entries received');
    return result;
  }
  metrics.jobs.inc({ job: job.name, outcome: 'rejected' });
  throw new UnrecoverableError(`unsupported job ${job.name}`);
}

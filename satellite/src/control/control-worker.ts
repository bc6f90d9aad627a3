import { SatelliteJobName, isConfigChangedJob, satelliteQueueName, type ConfigChangedResult } from '@orbit/contracts';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { SatelliteConfig } from '../config/config.js';
import type { SatelliteMetrics } from '../metrics.js';
import type { DesiredVersions } from './desired-versions.js';

/**
 * Consumes this satellite's control queue. A config-changed job records the team's newest version; fetching the
 * team's runtime state and reconciling processes is the satellite runtime's work (later issue).
 */
export function startControlWorker(
  config: SatelliteConfig,
  versions: DesiredVersions,
  metrics: SatelliteMetrics,
  logger: Logger,
): Worker {
  const worker = new Worker(
    satelliteQueueName(config.satelliteId),
    (job: Job): Promise<ConfigChangedResult> => {
      if (job.name !== SatelliteJobName.ConfigChanged || !isConfigChangedJob(job.data)) {
        metrics.jobs.inc({ job: job.name, outcome: 'rejected' });
        // Retrying a malformed job cannot help.
        return Promise.reject(new UnrecoverableError(`unsupported job ${job.name}`));
      }
      const result = versions.offer(job.data);
      metrics.jobs.inc({ job: job.name, outcome: result.outcome });
      metrics.teams.set(versions.size);
      logger.info(
        { teamId: job.data.teamId, version: job.data.version, reason: job.data.reason, outcome: result.outcome },
        'config changed',
      );
      return Promise.resolve(result);
    },
    {
      connection: { url: config.redis.url, maxRetriesPerRequest: null },
      prefix: config.redis.prefix,
      concurrency: 4,
    },
  );
  worker.on('error', (err) => {
    logger.warn({ err: err.message }, 'control queue error');
  });
  return worker;
}

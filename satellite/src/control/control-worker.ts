import { satelliteQueueName } from '@orbit/contracts';
import { Worker, type Job } from 'bullmq';
import type { SatelliteConfig } from '../config/config.js';
import { handleControlJob, type ControlJobDeps } from './control-jobs.js';

/** Consumes this satellite's control queue; `handleControlJob` does the work. */
export function startControlWorker(config: SatelliteConfig, deps: ControlJobDeps): Worker {
  const worker = new Worker(
    satelliteQueueName(config.satelliteId),
    // Synchronous work: a thrown error fails the job, as a rejected promise would.
    (job: Job) => Promise.resolve().then(() => handleControlJob(job, deps)),
    {
      connection: { url: config.redis.url, maxRetriesPerRequest: null },
      prefix: config.redis.prefix,
      concurrency: 4,
    },
  );
  worker.on('error', (err) => {
    deps.logger.warn({ err: err.message }, 'control queue error');
  });
  return worker;
}

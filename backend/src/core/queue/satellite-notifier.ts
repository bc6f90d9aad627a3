import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  SatelliteJobName,
  satelliteQueueName,
  type ConfigChangedJob,
  type ConfigChangedResult,
  type RevocationFeed,
} from '@orbit/contracts';
import { Queue, type ConnectionOptions, type Job } from 'bullmq';
import { QUEUE_SETTINGS } from './queue.tokens.js';

type SatelliteQueue = Queue<ConfigChangedJob | RevocationFeed, ConfigChangedResult | void>;

export interface QueueSettings {
  connection: ConnectionOptions;
  prefix: string;
}

/**
 * Wakes satellites up: "team T is now at config version N". The job carries no configuration; the satellite
 * fetches the team's runtime state itself, so a lost job costs a delay, never a wrong state.
 */
@Injectable()
export class SatelliteNotifier implements OnModuleDestroy {
  private readonly queues = new Map<string, SatelliteQueue>();

  constructor(@Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings) {}

  /** Enqueues the wake-up on each satellite's queue and returns the queued jobs. */
  notifyConfigChanged(
    satelliteIds: readonly string[],
    job: ConfigChangedJob,
  ): Promise<Job<ConfigChangedJob | RevocationFeed, ConfigChangedResult | void>[]> {
    return Promise.all(
      satelliteIds.map((id) =>
        this.queue(id).add(SatelliteJobName.ConfigChanged, job, {
          // The same (team, version) pushed twice is one wake-up.
          jobId: `${job.teamId}-v${job.version}`,
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: { count: 1_000 },
          removeOnFail: { count: 5_000 },
        }),
      ),
    );
  }

  /** Pushes new revocation entries to each satellite; one that misses them reloads the list when it (re)starts. */
  async notifyRevocations(satelliteIds: readonly string[], feed: RevocationFeed): Promise<void> {
    await Promise.all(
      satelliteIds.map((id) =>
        this.queue(id).add(SatelliteJobName.Revocation, feed, {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: { count: 1_000 },
          removeOnFail: { count: 5_000 },
        }),
      ),
    );
  }

  private queue(satelliteId: string): SatelliteQueue {
    const name = satelliteQueueName(satelliteId);
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue<ConfigChangedJob | RevocationFeed, ConfigChangedResult | void>(name, {
        connection: this.settings.connection,
        prefix: this.settings.prefix,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { QUEUE_SETTINGS } from '../../core/queue/queue.tokens.js';
import type { QueueSettings } from '../../core/queue/satellite-notifier.js';
import { AppException } from '../../core/errors/app.exception.js';
import { RegistrySyncService } from './registry-sync.service.js';

export const REGISTRY_SYNC_QUEUE = 'registry-sync';
const SCHEDULER_ID = 'registry-sync-schedule';

interface RunJob {
  runId?: string;
}

/**
 * The sync's BullMQ side: a job scheduler for the cron (`upsertJobScheduler`; BullMQ 6 has no `repeat`), a job per
 * manual run, and one worker per backend taking one job at a time. A backend killed mid-run leaves its job to stall;
 * when its lock lapses another backend (or this one, restarted) takes it and the run resumes from its saved cursor.
 */
@Injectable()
export class RegistrySyncWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RegistrySync');
  private readonly queue: Queue<RunJob>;
  private worker?: Worker<RunJob>;

  constructor(
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sync: RegistrySyncService,
  ) {
    this.queue = new Queue<RunJob>(REGISTRY_SYNC_QUEUE, { connection: settings.connection, prefix: settings.prefix });
    this.queue.on('error', (error) => this.logger.warn(`registry sync queue: ${error.message}`));
  }

  onApplicationBootstrap(): void {
    // Not awaited: with Redis down the backend still boots (health says so); the schedule is set once it is back.
    void this.setSchedule();
    this.worker = new Worker<RunJob>(REGISTRY_SYNC_QUEUE, (job) => this.process(job), {
      connection: this.settings.connection,
      prefix: this.settings.prefix,
      concurrency: 1,
      lockDuration: this.config.registry.lockMs,
      stalledInterval: Math.max(1_000, Math.floor(this.config.registry.lockMs / 2)),
      maxStalledCount: 10,
    });
    this.worker.on('error', (error) => this.logger.warn(`registry sync worker: ${error.message}`));
  }

  private async setSchedule(): Promise<void> {
    try {
      if (this.config.registry.cron) {
        await this.queue.upsertJobScheduler(
          SCHEDULER_ID,
          { pattern: this.config.registry.cron },
          { name: 'scheduled', data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
        );
      } else {
        await this.queue.removeJobScheduler(SCHEDULER_ID);
      }
    } catch (error) {
      this.logger.warn(`could not set the registry sync schedule: ${(error as Error).message}`);
    }
  }

  /** Queues a run made by `RegistrySyncService.create`; the job id is the run id, so queuing twice is one job. */
  async enqueue(runId: string): Promise<void> {
    const add = this.queue.add(
      'run',
      { runId },
      { jobId: runId, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer within 5 s')), 5_000);
    });
    try {
      await Promise.race([add, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async process(job: Job<RunJob>): Promise<void> {
    let runId = job.data.runId;
    if (!runId) {
      try {
        runId = (await this.sync.create('schedule')).id;
      } catch (error) {
        // A run is already going: the schedule skips this tick.
        if (error instanceof AppException) return;
        throw error;
      }
      // Kept on the job: if this backend dies, whoever takes the stalled job resumes this run, not a new one.
      await job.updateData({ runId });
    }
    await this.sync.execute(runId);
  }

  async onModuleDestroy(): Promise<void> {
    // A run in progress finishes its page; with Redis unreachable, closing must not hang the shutdown.
    await Promise.race([
      Promise.allSettled([this.worker?.close(), this.queue.close()]),
      new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
    ]);
  }
}

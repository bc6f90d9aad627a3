import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, SyncRunDto, SyncSkip, SyncWarning } from '@orbit/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { AppException } from '../../core/errors/app.exception.js';
import { isUniqueViolation } from '../../core/errors/unique-violation.js';
import { pageWindow, toPage, type PageQueryDto } from '../../core/pagination.js';
import { WakeupService } from '../satellites/wakeups.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { RegistryClient } from './registry-client.js';
import { RegistryImporter } from './registry-importer.js';
import { SyncRun } from './sync-run.entity.js';

/** Size of a listed column: MySQL's TEXT holds 64 KB; beyond it only the counts grow. */
const MAX_LIST_CHARS = 60_000;
/** `updated_since` starts this long before the last successful run began: clocks differ; unchanged entries cost nothing. */
const OVERLAP_MS = 60_000;

/**
 * Registry sync runs: created by the schedule or an admin, executed by the sync worker one at a time. Each page is
 * imported and the run's progress (cursor and counters) saved in one transaction, so a run that crashes resumes from
 * its cursor without counting or writing anything twice.
 */
@Injectable()
export class RegistrySyncService {
  private readonly logger = new Logger('RegistrySync');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly teams: TeamsRepository,
    private readonly wakeups: WakeupService,
  ) {}

  private get runs() {
    return this.dataSource.getRepository(SyncRun);
  }

  /** A new run, queued. Full when asked or when nothing succeeded yet; else incremental from the last success. */
  async create(trigger: 'manual' | 'schedule', full = false): Promise<SyncRun> {
    const active = await this.runs.findOne({ where: { status: In(['queued', 'running']) }, order: { createdAt: 'DESC' } });
    const staleMs = Math.max(10 * 60_000, 5 * this.config.registry.lockMs);
    if (active && Date.now() - active.updatedAt.getTime() > staleMs) {
      // Its job was lost (Redis without persistence, too many stalls): say so, and let a new run start.
      active.status = 'failed';
      active.error = `abandoned: no progress for ${Math.round(staleMs / 60_000)} minutes (its job was lost)`;
      active.finishedAt = new Date();
      active.activeSlot = null;
      await this.runs.save(active);
    } else if (active) throw inProgress(active);
    const lastSuccess = await this.runs.findOne({ where: { status: 'succeeded' }, order: { startedAt: 'DESC' } });
    const lastFull = await this.runs.findOne({ where: { status: 'succeeded', mode: 'full' }, order: { startedAt: 'DESC' } });
    const incremental = !full && lastSuccess?.startedAt != null;
    const run = this.runs.create({
      id: randomUUID(),
      status: 'queued',
      mode: incremental ? 'incremental' : 'full',
      trigger,
      updatedSince: incremental ? new Date(lastSuccess.startedAt!.getTime() - OVERLAP_MS).toISOString() : null,
      cursor: null,
      pages: 0,
      seen: 0,
      imported: 0,
      updated: 0,
      unchanged: 0,
      retries: 0,
      skippedCount: 0,
      warningCount: 0,
      skipped: '[]',
      warnings: '[]',
      estimatedTotal: incremental ? null : (lastFull?.seen ?? null),
      error: null,
      startedAt: null,
      finishedAt: null,
      activeSlot: 1,
    });
    try {
      await this.runs.insert(run);
    } catch (error) {
      // Another request created its run between our look and our insert: the unique active slot refused this one.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.runs.findOne({ where: { activeSlot: 1 } });
      throw winner ? inProgress(winner) : error;
    }
    return run;
  }

  /** Runs (or resumes) a run to its end. Safe to call again for a run that was interrupted. */
  async execute(runId: string): Promise<SyncRun> {
    let run = await this.runs.findOneByOrFail({ id: runId });
    if (run.status === 'succeeded' || run.status === 'failed') return run;
    if (run.status === 'running') this.logger.log(`resuming registry sync ${run.id} after page ${run.pages}`);
    run.status = 'running';
    run.startedAt ??= new Date();
    await this.runs.save(run);

    const client = new RegistryClient({
      baseUrl: this.config.registry.url,
      pageLimit: this.config.registry.pageLimit,
      timeoutMs: this.config.registry.timeoutMs,
      attempts: this.config.registry.attempts,
      backoffMs: this.config.registry.backoffMs,
      onRetry: async (attempt, error) => {
        this.logger.warn(`registry sync ${run.id}, page ${run.pages + 1}, attempt ${attempt} failed: ${error.message}`);
        await this.runs.increment({ id: run.id }, 'retries', 1);
      },
    });
    try {
      const importer = await RegistryImporter.load(this.dataSource.manager);
      for (;;) {
        const page = await client.page(run.cursor, run.updatedSince);
        const teamsToWake = await this.dataSource.transaction(async (manager) => {
          const result = await importer.importPage(manager, page.entries);
          const fresh = await manager.getRepository(SyncRun).findOneByOrFail({ id: run.id });
          fresh.pages += 1;
          fresh.seen += page.entries.length;
          fresh.imported += result.imported;
          fresh.updated += result.updated;
          fresh.unchanged += result.unchanged;
          fresh.skipped = appendCapped<SyncSkip>(fresh.skipped, result.skipped);
          fresh.warnings = appendCapped<SyncWarning>(fresh.warnings, result.warnings);
          fresh.skippedCount += result.skipped.length;
          fresh.warningCount += result.warnings.length;
          fresh.cursor = page.nextCursor;
          await manager.getRepository(SyncRun).save(fresh);
          run = fresh;
          return result.teamsToWake;
        });
        for (const teamId of teamsToWake) {
          // An installation's upstream changed status (deprecated, deleted): what its satellites serve changed.
          await this.teams.bumpConfigVersion(teamId);
          await this.wakeups.teamChanged(teamId, 'server-status');
        }
        if (page.nextCursor === null || page.entries.length === 0) break;
      }
      run.status = 'succeeded';
      run.finishedAt = new Date();
      run.activeSlot = null;
      await this.runs.save(run);
      this.logger.log(
        `registry sync ${run.id} (${run.mode}) done: ${run.pages} pages, ${run.seen} seen, ${run.imported} imported, ${run.updated} updated, ${run.unchanged} unchanged, ${run.skippedCount} skipped`,
      );
    } catch (error) {
      run = await this.runs.findOneByOrFail({ id: run.id });
      run.status = 'failed';
      run.error = (error as Error).message.slice(0, 2_000);
      run.finishedAt = new Date();
      run.activeSlot = null;
      await this.runs.save(run);
      this.logger.warn(`registry sync ${run.id} failed after ${run.pages} pages: ${run.error}`);
    }
    return run;
  }

  /** Marks a run that never started as failed (it could not be queued). */
  async abandon(runId: string, reason: string): Promise<void> {
    await this.runs.update(
      { id: runId, status: 'queued' },
      { status: 'failed', error: reason, finishedAt: new Date(), activeSlot: null },
    );
  }

  async list(query: PageQueryDto): Promise<Page<SyncRunDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.runs.findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      take: window.limit,
      skip: window.offset,
    });
    // The lists can be long: the list shows counts, one run's page (GET …/:runId) the entries.
    return toPage(
      rows.map((row) => ({ ...toDto(row), skipped: [], warnings: [] })),
      total,
      window,
    );
  }

  async get(runId: string): Promise<SyncRunDto> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw AppException.notFound('Sync run');
    return toDto(run);
  }
}

function inProgress(active: SyncRun): AppException {
  return AppException.conflict('in_progress', `A registry sync is already ${active.status}: run ${active.id}`);
}

function appendCapped<T>(json: string, more: T[]): string {
  if (more.length === 0) return json;
  const list = JSON.parse(json) as T[];
  let size = json.length;
  for (const item of more) {
    const next = JSON.stringify(item).length + 1;
    if (size + next > MAX_LIST_CHARS) break;
    list.push(item);
    size += next;
  }
  return JSON.stringify(list);
}

export function toDto(run: SyncRun): SyncRunDto {
  return {
    id: run.id,
    status: run.status,
    mode: run.mode,
    trigger: run.trigger,
    updatedSince: run.updatedSince,
    pages: run.pages,
    seen: run.seen,
    imported: run.imported,
    updated: run.updated,
    unchanged: run.unchanged,
    skipped: JSON.parse(run.skipped) as SyncSkip[],
    skippedCount: run.skippedCount,
    warnings: JSON.parse(run.warnings) as SyncWarning[],
    warningCount: run.warningCount,
    estimatedTotal: run.estimatedTotal,
    retries: run.retries,
    error: run.error,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    createdAt: run.createdAt.toISOString(),
  };
}

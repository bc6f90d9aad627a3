import type { SyncRunMode, SyncRunStatus } from '@orbit/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One registry sync run. It keeps its cursor after every page (in the same transaction as the page's writes), so a
 * run killed midway resumes under the same id from where it was, and its counters stay exact.
 */
@Entity('registry_sync_runs')
@Index('ix_registry_sync_runs_created', ['createdAt'])
@Index('ux_registry_sync_runs_active', ['activeSlot'], { unique: true })
export class SyncRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: SyncRunStatus;

  @Column({ type: 'varchar', length: 12 })
  mode!: SyncRunMode;

  @Column({ type: 'varchar', length: 10 })
  trigger!: 'manual' | 'schedule';

  @Column({ name: 'updated_since', type: 'varchar', length: 40, nullable: true })
  updatedSince!: string | null;

  /** The registry's cursor for the next page; null before the first page and after the last. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  cursor!: string | null;

  @Column({ type: 'int', default: 0 })
  pages!: number;

  @Column({ type: 'int', default: 0 })
  seen!: number;

  @Column({ type: 'int', default: 0 })
  imported!: number;

  @Column({ type: 'int', default: 0 })
  updated!: number;

  @Column({ type: 'int', default: 0 })
  unchanged!: number;

  @Column({ type: 'int', default: 0 })
  retries!: number;

  @Column({ name: 'skipped_count', type: 'int', default: 0 })
  skippedCount!: number;

  @Column({ name: 'warning_count', type: 'int', default: 0 })
  warningCount!: number;

  /** JSON SyncSkip[], the first ones up to a size that fits any database's text column. */
  @Column({ type: 'text' })
  skipped!: string;

  /** JSON SyncWarning[], capped like `skipped`. */
  @Column({ type: 'text' })
  warnings!: string;

  @Column({ name: 'estimated_total', type: 'int', nullable: true })
  estimatedTotal!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'started_at', type: 'datetime', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  /**
   * 1 while the run is queued or running, null once it ended. Unique, so the database itself keeps a second run from
   * starting while one is active, even when two backends are asked at the same moment.
   */
  @Column({ name: 'active_slot', type: 'tinyint', nullable: true })
  activeSlot!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  /** Moves with every page: a queued or running run that stopped moving long ago was abandoned (its job lost). */
  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

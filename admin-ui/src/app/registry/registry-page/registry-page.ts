import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { SyncRunDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { ApiError } from '../../core/api/api-error';
import { Notifier } from '../../core/ui/notifier';
import { PagedFooter } from '../../core/ui/paged-footer';
import { PagedList } from '../../core/ui/paged-list';
import { RowLink } from '../../core/ui/row-link';
import { StatusChip } from '../../core/ui/status-chip';
import { RunSummary } from '../run-summary/run-summary';
import { SYNC_POLL_INTERVAL, SyncRunWatcher } from '../sync-run-watcher';
import { formatDuration, isActive, modeLabel, runDurationMs, triggerLabel } from '../sync-runs';

const PAGE_SIZE = 50;

/**
 * `/registry` (global admins): start a sync, follow the current one live, and list past runs.
 * Test ids: `registry-sync-now`, `registry-sync-full`, `registry-current-run`, `registry-run-open`,
 * `registry-poll-error`, `registry-runs-error`, `registry-run-row`, `registry-row-status`,
 * `registry-row-duration`, `registry-row-imported`, `registry-row-skipped`, `registry-runs-more`, and the summary's
 * (see RunSummary).
 */
@Component({
  selector: 'orbit-registry-page',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    PagedFooter,
    RowLink,
    StatusChip,
    RunSummary,
  ],
  templateUrl: './registry-page.html',
  styleUrl: './registry-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegistryPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly columns = ['status', 'mode', 'trigger', 'started', 'duration', 'pages', 'imported', 'updated', 'skipped'];
  protected readonly runs = new PagedList<SyncRunDto>();
  /** The run in the card: the one going on, else the latest. */
  protected readonly watcher = new SyncRunWatcher((runId) => this.api.getSyncRun(runId), {
    intervalMs: inject(SYNC_POLL_INTERVAL),
    onUpdate: (run) => this.put(run),
  });
  protected readonly starting = signal(false);
  /** A run is going on (as far as this page knows): starting another would answer 409. */
  protected readonly busy = computed(() => {
    const run = this.watcher.run();
    return this.starting() || (!!run && isActive(run));
  });
  protected readonly isActive = isActive;
  protected readonly modeLabel = modeLabel;
  protected readonly triggerLabel = triggerLabel;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.watcher.stop());
  }

  ngOnInit(): void {
    void this.reload();
  }

  protected async start(full: boolean): Promise<void> {
    this.starting.set(true);
    try {
      const { runId } = await this.api.startRegistrySync(full ? { full: true } : {});
      this.notifier.success(full ? 'Full sync started' : 'Sync started');
      await this.follow(runId);
    } catch (err) {
      // 409 in_progress: another admin or the schedule started one; the message names it, and the card shows it.
      this.notifier.error(err);
      if (ApiError.from(err).code === 'in_progress') await this.reload();
    } finally {
      this.starting.set(false);
    }
  }

  protected open(run: SyncRunDto): void {
    void this.router.navigate(['/registry/runs', run.id]);
  }

  /** For the table's duration cells: live for the run the card follows. */
  protected duration(run: SyncRunDto): string {
    return formatDuration(runDurationMs(run, this.watcher.now()));
  }

  /** Lists the newest runs and follows the one going on (at most one is), else shows the latest. */
  private async reload(): Promise<void> {
    await this.runs.load((cursor) => this.api.listSyncRuns({ limit: PAGE_SIZE, cursor }));
    const items = this.runs.items();
    const shown = items.find(isActive) ?? items[0];
    if (shown) this.watcher.watch(shown);
  }

  private async follow(runId: string): Promise<void> {
    try {
      const run = await this.api.getSyncRun(runId);
      this.put(run);
      this.watcher.watch(run);
    } catch (err) {
      this.notifier.error(err);
    }
  }

  /** Replaces the run's row with a fresher copy, or adds a new run on top (the list is newest first). */
  private put(run: SyncRunDto): void {
    this.runs.update((runs) =>
      runs.some((r) => r.id === run.id) ? runs.map((r) => (r.id === run.id ? run : r)) : [run, ...runs],
    );
  }
}

import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { SyncSkip, SyncWarning } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { LoadState, loadFor } from '../../core/ui/load-state';
import { RunSummary } from '../run-summary/run-summary';
import { SYNC_POLL_INTERVAL, SyncRunWatcher } from '../sync-run-watcher';
import { filterIssues, issueCount } from '../sync-runs';

/**
 * One sync run (`/registry/runs/:runId`), followed live while it goes on: its figures, then the entries it skipped
 * and the warnings it recorded, with one text filter over both.
 * Test ids: `registry-run-error-message`, `registry-run-title`, `registry-issues-filter`, `registry-skipped-count`,
 * `registry-skipped-row`, `registry-warnings-count`, `registry-warning-row`, and the summary's (see RunSummary).
 */
@Component({
  selector: 'orbit-run-detail',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    RunSummary,
  ],
  templateUrl: './run-detail.html',
  styleUrl: './run-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RunDetail {
  private readonly api = inject(ApiClient);

  /** Bound from the route. */
  readonly runId = input.required<string>();

  protected readonly state = new LoadState('This sync run does not exist.');
  protected readonly watcher = new SyncRunWatcher((runId) => this.api.getSyncRun(runId), {
    intervalMs: inject(SYNC_POLL_INTERVAL),
  });
  protected readonly filter = new FormControl('', { nonNullable: true });
  private readonly filterText = toSignal(this.filter.valueChanges, { initialValue: '' });

  protected readonly skipped = computed<readonly SyncSkip[]>(() => this.watcher.run()?.skipped ?? []);
  protected readonly warnings = computed<readonly SyncWarning[]>(() => this.watcher.run()?.warnings ?? []);
  protected readonly shownSkipped = computed(() => filterIssues(this.skipped(), this.filterText()));
  protected readonly shownWarnings = computed(() => filterIssues(this.warnings(), this.filterText()));
  protected readonly skippedCount = computed(() => {
    const total = this.watcher.run()?.skippedCount ?? 0;
    return issueCount(total, this.skipped().length, this.shownSkipped().length, ['entry not imported', 'entries not imported']);
  });
  protected readonly warningCount = computed(() => {
    const total = this.watcher.run()?.warningCount ?? 0;
    return issueCount(total, this.warnings().length, this.shownWarnings().length, ['warning', 'warnings']);
  });
  protected readonly skippedColumns = ['name', 'version', 'reason'];
  protected readonly warningColumns = ['name', 'version', 'field', 'reason'];

  constructor() {
    inject(DestroyRef).onDestroy(() => this.watcher.stop());
    loadFor(this.runId, (runId) => this.load(runId));
  }

  private async load(runId: string): Promise<void> {
    this.watcher.stop();
    const run = await this.state.run(() => this.api.getSyncRun(runId));
    if (run) this.watcher.watch(run);
  }
}

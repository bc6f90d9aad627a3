import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SyncRunDto } from '@orbit/contracts';
import { StatusChip } from '../../core/ui/status-chip';
import { formatDuration, isActive, modeLabel, runDurationMs, runProgress, triggerLabel } from '../sync-runs';

/**
 * One sync run's figures: status, a progress bar while it is queued or running (determinate when the expected total
 * is known), the counters, when it started, how long it took (so far), and the error of a failed run.
 * Test ids: `registry-run-status`, `registry-run-mode`, `registry-run-progress`, `registry-run-progress-text`,
 * `registry-run-pages`, `registry-run-seen`, `registry-run-imported`, `registry-run-updated`, `registry-run-unchanged`,
 * `registry-run-skipped`, `registry-run-warnings`, `registry-run-retries`, `registry-run-started`,
 * `registry-run-duration`, `registry-run-error`.
 */
@Component({
  selector: 'orbit-sync-run-summary',
  imports: [DatePipe, DecimalPipe, MatProgressBarModule, StatusChip],
  templateUrl: './run-summary.html',
  styleUrl: './run-summary.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RunSummary {
  readonly run = input.required<SyncRunDto>();
  /** The end of a running run's duration; the watcher moves it at each poll. */
  readonly now = input.required<number>();

  protected readonly modeLabel = modeLabel;
  protected readonly triggerLabel = triggerLabel;
  protected readonly active = computed(() => isActive(this.run()));
  protected readonly progress = computed(() => runProgress(this.run()));
  protected readonly duration = computed(() => formatDuration(runDurationMs(this.run(), this.now())));
  protected readonly progressText = computed(() => {
    const run = this.run();
    if (run.status === 'queued') return 'Waiting to start…';
    const progress = this.progress();
    const seen = run.seen.toLocaleString('en-US');
    if (progress === null || run.estimatedTotal === null) return `${seen} entries read so far`;
    return `${seen} of about ${run.estimatedTotal.toLocaleString('en-US')} entries (${Math.floor(progress)}%)`;
  });
}

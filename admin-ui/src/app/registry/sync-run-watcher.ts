import { InjectionToken, signal } from '@angular/core';
import type { SyncRunDto } from '@orbit/contracts';
import { ApiError } from '../core/api/api-error';
import { isActive } from './sync-runs';

/** How often, in milliseconds, the pages ask again for a queued or running run; page tests make it 0. */
export const SYNC_POLL_INTERVAL = new InjectionToken<number>('SYNC_POLL_INTERVAL', { providedIn: 'root', factory: () => 1_000 });

export interface SyncRunWatcherOptions {
  intervalMs: number;
  /** Called with each fresh copy of the run, e.g. to update its row in a table. */
  onUpdate?: (run: SyncRunDto) => void;
}

/**
 * Follows one sync run: shows it as given and, while it is queued or running, asks for it again every interval until
 * it finishes, another run is watched, or `stop()` is called (pages call it when destroyed). Each request goes out
 * an interval after the previous answer, so a slow server is never asked twice at once; the answer for a run no
 * longer watched is dropped.
 */
export class SyncRunWatcher {
  private readonly runState = signal<SyncRunDto | null>(null);
  private readonly nowState = signal(Date.now());
  private readonly errorState = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  readonly run = this.runState.asReadonly();
  /** When the run was last read: the end of a running run's live duration. */
  readonly now = this.nowState.asReadonly();
  /** Why the last poll failed; polling goes on (a 404 ends it: the run is gone). */
  readonly error = this.errorState.asReadonly();

  constructor(
    private readonly fetchRun: (runId: string) => Promise<SyncRunDto>,
    private readonly options: SyncRunWatcherOptions,
  ) {}

  watch(run: SyncRunDto): void {
    this.stop();
    this.errorState.set(null);
    this.show(run);
    this.schedule(this.generation, run);
  }

  stop(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private show(run: SyncRunDto): void {
    this.runState.set(run);
    this.nowState.set(Date.now());
  }

  private schedule(generation: number, run: SyncRunDto): void {
    if (!isActive(run)) return;
    this.timer = setTimeout(() => void this.poll(generation, run), this.options.intervalMs);
  }

  private async poll(generation: number, previous: SyncRunDto): Promise<void> {
    let next = previous;
    try {
      next = await this.fetchRun(previous.id);
      if (generation !== this.generation) return;
      this.errorState.set(null);
      this.show(next);
      this.options.onUpdate?.(next);
    } catch (err) {
      if (generation !== this.generation) return;
      const error = ApiError.from(err);
      this.errorState.set(error.message);
      this.nowState.set(Date.now());
      if (error.status === 404) return;
    }
    this.schedule(generation, next);
  }
}

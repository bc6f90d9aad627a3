import type { SyncRunDto, SyncRunMode, SyncSkip, SyncWarning } from '@orbit/contracts';

/** What the registry sync pages compute from a run; kept apart from the components so that tests need no DOM. */

/** Queued or running: the run still changes, so the pages follow it. */
export function isActive(run: Pick<SyncRunDto, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/**
 * How far the run is, in percent, for a determinate progress bar: entries seen out of those the last full run saw.
 * Null when that total is unknown (incremental runs, or no full run yet). The registry may have grown since, so the
 * value stops at 100 rather than overflow the bar.
 */
export function runProgress(run: Pick<SyncRunDto, 'seen' | 'estimatedTotal'>): number | null {
  if (run.estimatedTotal === null || run.estimatedTotal <= 0) return null;
  return Math.min(100, (run.seen / run.estimatedTotal) * 100);
}

/** From start to finish, or to `now` while the run goes on; null until it starts. */
export function runDurationMs(run: Pick<SyncRunDto, 'startedAt' | 'finishedAt'>, now: number): number | null {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return Math.max(0, end - Date.parse(run.startedAt));
}

/** `42 s`, `3 min 12 s`, `1 h 5 min`; a dash for a run that has not started. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const MODE_LABELS: Readonly<Record<SyncRunMode, string>> = { full: 'Full', incremental: 'Incremental' };
const TRIGGER_LABELS: Readonly<Record<SyncRunDto['trigger'], string>> = { manual: 'Manual', schedule: 'Scheduled' };

/** For templates whose row variables are untyped (mat-table cells); an unknown value shows as the API names it. */
export function modeLabel(mode: SyncRunMode): string {
  return MODE_LABELS[mode] ?? mode;
}

export function triggerLabel(trigger: SyncRunDto['trigger']): string {
  return TRIGGER_LABELS[trigger] ?? trigger;
}

/**
 * The skipped entries or warnings holding every word of `text` in any of their fields (name, version, field,
 * reason), ignoring case: `github deprecated` finds the deprecations of servers under io.github.
 */
export function filterIssues<T extends SyncSkip | SyncWarning>(items: readonly T[], text: string): readonly T[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((item) => {
    const haystack = Object.values(item).join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * The subtitle of a skipped or warnings list: how many the run counted, whether the run kept only the first ones
 * (it stores a bounded list), and how many of those match the filter. `3 warnings · 1 match the filter`.
 */
export function issueCount(total: number, listed: number, shown: number, noun: readonly [one: string, many: string]): string {
  const parts = [`${total.toLocaleString('en-US')} ${total === 1 ? noun[0] : noun[1]}`];
  if (listed < total) parts.push(`the first ${listed.toLocaleString('en-US')} listed`);
  if (shown < listed) parts.push(`${shown.toLocaleString('en-US')} ${shown === 1 ? 'matches' : 'match'} the filter`);
  return parts.join(' · ');
}

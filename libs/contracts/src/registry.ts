/**
 * Sync from the official MCP Registry (`GET {REGISTRY_URL}/v0.1/servers`): runs as the API and the console show them.
 * A run pages the registry with a cursor, imports each server version into the catalog with the three-tier mapping,
 * and records what it skipped or imported with warnings, and why.
 */
export const SYNC_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

/** `full` pages everything; `incremental` asks for what changed since the last successful run (`updated_since`). */
export type SyncRunMode = 'full' | 'incremental';

export interface SyncSkip {
  name: string;
  version: string;
  reason: string;
}

export interface SyncWarning {
  name: string;
  version: string;
  field: string;
  reason: string;
}

/**
 * `GET /api/admin/registry/sync/:runId`. The list route answers the same shape with `skipped` and `warnings` empty
 * (their counts are there): a run's page has the entries.
 */
export interface SyncRunDto {
  id: string;
  status: SyncRunStatus;
  mode: SyncRunMode;
  trigger: 'manual' | 'schedule';
  /** The `updated_since` of an incremental run. */
  updatedSince: string | null;
  pages: number;
  /** Entries read from the registry so far. */
  seen: number;
  /** New server versions. */
  imported: number;
  /** Versions whose registry data changed (status, latest flag, dates, definition). */
  updated: number;
  /** Versions already up to date: no write at all. */
  unchanged: number;
  /** The first skipped entries (up to about 60 KB of them); `skippedCount` counts them all. */
  skipped: SyncSkip[];
  skippedCount: number;
  /** Entries imported without a bad field, or with a value read differently; the first ones, like `skipped`. */
  warnings: SyncWarning[];
  warningCount: number;
  /** Entries a full run is expected to see, from the last full run (null when unknown); for the progress bar. */
  estimatedTotal: number | null;
  /** Page requests that failed and were retried during the run (network errors, 5xx, unreadable bodies). */
  retries: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}

/** `POST /api/admin/registry/sync`: `full` forces a full run (default: incremental after a first successful run). */
export interface StartSyncRequest {
  full?: boolean;
}

export interface StartSyncResponse {
  runId: string;
}

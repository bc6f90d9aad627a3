import type { Transport } from './catalog.js';
import type { ConfigDefinition, Locks, TierValues } from './config/types.js';
import type { RevocationFeed } from './oauth.js';

/**
 * Queue names and job payloads shared by the backend (producer) and satellites (consumers).
 * Jobs only wake satellites up: the desired state lives in the database (DESIGN, principle 1),
 * so payloads stay small and never carry configuration or secrets.
 */

/** BullMQ queue names may not contain ':' (it is the key separator), hence dashes. */
export function satelliteQueueName(satelliteId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(satelliteId)) {
    throw new Error(`invalid satellite id for a queue name: ${JSON.stringify(satelliteId)}`);
  }
  return `satellite-${satelliteId}`;
}

/** Satellites report status, tools, log lines and usage back on this queue. */
export const SATELLITE_EVENTS_QUEUE = 'satellite-events';

export const SatelliteJobName = {
  ConfigChanged: 'config-changed',
  Revocation: 'revocation',
} as const;
export type SatelliteJobName = (typeof SatelliteJobName)[keyof typeof SatelliteJobName];

export const CONFIG_CHANGE_REASONS = [
  'installation',
  'team-config',
  'user-config',
  'membership',
  'server-status',
  'catalog-version',
  'client-revoked',
  'resync',
] as const;
export type ConfigChangeReason = (typeof CONFIG_CHANGE_REASONS)[number];

/** "Team T is now at config version N": the satellite fetches the team's runtime state and reconciles. */
export interface ConfigChangedJob {
  teamId: string;
  version: number;
  reason: ConfigChangeReason;
}

/** What a satellite answers for a wake-up: versions older than the one it already took are ignored. */
export interface ConfigChangedResult {
  teamId: string;
  version: number;
  outcome: 'accepted' | 'stale';
}

export interface JobPayloads {
  [SatelliteJobName.ConfigChanged]: ConfigChangedJob;
  /** New revocation entries; a satellite that missed one loads the whole list from `GET /api/satellite/revocations`. */
  [SatelliteJobName.Revocation]: RevocationFeed;
}

export function isConfigChangedJob(value: unknown): value is ConfigChangedJob {
  if (typeof value !== 'object' || value === null) return false;
  const job = value as Record<string, unknown>;
  return (
    typeof job['teamId'] === 'string' &&
    job['teamId'].length > 0 &&
    typeof job['version'] === 'number' &&
    Number.isSafeInteger(job['version']) &&
    job['version'] >= 0 &&
    typeof job['reason'] === 'string' &&
    (CONFIG_CHANGE_REASONS as readonly string[]).includes(job['reason'])
  );
}

/** What `GET /api/satellite/teams/:teamId/runtime-state` answers: the team's desired state, secrets opened. */
export interface TeamRuntimeState {
  teamId: string;
  configVersion: number;
  installations: {
    id: string;
    slug: string;
    disabled: boolean;
    transport: Transport;
    definition: ConfigDefinition;
    locks: Locks;
    teamValues: TierValues;
    /** userId → that member's values. */
    userValues: Record<string, TierValues>;
    disabledTools: string[];
    /** A stored secret failed its integrity check: values are withheld and the installation is not run. */
    error?: string;
  }[];
}

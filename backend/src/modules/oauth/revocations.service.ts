import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RevocationEntry } from '@orbit/contracts';
import { LessThan, MoreThan, Repository } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { SatelliteNotifier } from '../../core/queue/satellite-notifier.js';
import { SatellitesRepository } from '../satellites/satellites.repository.js';
import { Revocation } from './revocation.entity.js';

export interface RevocationRequest {
  kind: RevocationEntry['kind'];
  value: string;
  teamId?: string | null;
  /** When a jti's token expires anyway; other kinds last as long as the longest access token. */
  expiresAt?: Date;
}

/** Margin for clocks and in-flight requests beyond the longest access token lifetime. */
const MARGIN_MS = 60_000;

/**
 * The one revocation mechanism (DESIGN): revoking a token, a client, a refresh family, a membership or a user writes
 * entries here and pushes them on every satellite's queue; satellites load the whole list when they start. Access
 * tokens are JWTs checked locally, so this list is how a satellite learns that one must be refused early.
 */
@Injectable()
export class RevocationsService {
  private readonly logger = new Logger(RevocationsService.name);

  constructor(
    @InjectRepository(Revocation) private readonly revocations: Repository<Revocation>,
    private readonly satellites: SatellitesRepository,
    private readonly notifier: SatelliteNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async revoke(requests: readonly RevocationRequest[]): Promise<RevocationEntry[]> {
    if (requests.length === 0) return [];
    // Client and user entries cut at the next whole second, and this call returns only once it has passed: a token
    // issued before the cut (iat in whole seconds) is matched, one issued after the caller got its answer is not.
    const wholeSecond = requests.some((r) => r.kind !== 'jti');
    const now = wholeSecond ? new Date(Math.ceil(Date.now() / 1000) * 1000) : new Date();
    const longest = new Date(now.getTime() + this.config.oauth.accessTokenTtlSeconds * 1000 + MARGIN_MS);
    const rows = requests.map((r) =>
      this.revocations.create({
        kind: r.kind,
        value: r.value,
        teamId: r.teamId ?? null,
        revokedAt: now,
        expiresAt: r.expiresAt && r.expiresAt < longest ? r.expiresAt : longest,
      }),
    );
    await this.revocations.save(rows, { chunk: 200 });
    const entries = rows.map(toEntry);
    try {
      const satellites = await this.satellites.active();
      await this.notifier.notifyRevocations(
        satellites.map((s) => s.id),
        { entries },
      );
    } catch (error) {
      // The entries are stored: a satellite that missed the push loads them when it reconnects.
      this.logger.warn(`could not push ${entries.length} revocation entries to satellites: ${(error as Error).message}`);
    }
    const wait = now.getTime() - Date.now();
    if (wholeSecond && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return entries;
  }

  /** Entries still in force, for `GET /api/satellite/revocations`. */
  async active(): Promise<RevocationEntry[]> {
    const rows = await this.revocations.find({ where: { expiresAt: MoreThan(new Date()) }, order: { id: 'ASC' } });
    return rows.map(toEntry);
  }

  async prune(): Promise<number> {
    const result = await this.revocations.delete({ expiresAt: LessThan(new Date()) });
    return result.affected ?? 0;
  }
}

function toEntry(row: Revocation): RevocationEntry {
  return {
    kind: row.kind,
    value: row.value,
    teamId: row.teamId,
    revokedAt: row.revokedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

import { Injectable, Logger } from '@nestjs/common';
import { currentRequestContext } from '../../core/request-context.js';
import { AuditRepository } from './audit.repository.js';
import { maskSecrets } from './mask-secrets.js';

export interface AuditRecord {
  action: string;
  target: { type: string; id?: string | null };
  teamId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the signed-in caller of the current request. */
  actor?: { id: string | null; email: string | null };
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly audit: AuditRepository) {}

  /** Records an event with secrets masked. Never throws: a failed audit write is logged, not shown to the caller. */
  async record(entry: AuditRecord): Promise<void> {
    const ctx = currentRequestContext();
    if (ctx) ctx.audited = true;
    const actor = entry.actor ?? ctx?.actor ?? null;
    try {
      await this.audit.insert({
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
        action: entry.action,
        targetType: entry.target.type,
        targetId: entry.target.id ?? null,
        teamId: entry.teamId ?? null,
        before: entry.before === undefined ? null : JSON.stringify(maskSecrets(entry.before)),
        after: entry.after === undefined ? null : JSON.stringify(maskSecrets(entry.after)),
        requestId: ctx?.requestId ?? null,
        ip: ctx?.ip ?? null,
      });
    } catch (error) {
      this.logger.error(`audit write failed for ${entry.action}: ${(error as Error).message}`);
    }
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditFilter {
  teamId?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Restricts what a non-admin sees: events of these teams, plus the caller's own actions. */
  visibleTo?: { actorId: string; teamIds: string[] };
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async insert(event: Partial<AuditEvent>): Promise<void> {
    await this.events.insert(event);
  }

  /** Newest first; `beforeId` is the keyset cursor. Fetches one extra row to know whether a next page exists. */
  async find(filter: AuditFilter, limit: number, beforeId?: string): Promise<{ rows: AuditEvent[]; total: number }> {
    const query = this.events.createQueryBuilder('e');
    if (filter.teamId) query.andWhere('e.team_id = :teamId', { teamId: filter.teamId });
    if (filter.actor) query.andWhere('(e.actor_id = :actor OR e.actor_email = :actor)', { actor: filter.actor });
    if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter.from) query.andWhere('e.created_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.created_at <= :to', { to: filter.to });
    const visible = filter.visibleTo;
    if (visible) {
      query.andWhere(
        new Brackets((w) => {
          w.where('e.actor_id = :self', { self: visible.actorId });
          if (visible.teamIds.length > 0) w.orWhere('e.team_id IN (:...visibleTeams)', { visibleTeams: visible.teamIds });
        }),
      );
    }
    const total = await query.getCount();
    if (beforeId !== undefined) query.andWhere('e.id < :beforeId', { beforeId });
    const rows = await query
      .orderBy('e.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return { rows, total };
  }
}

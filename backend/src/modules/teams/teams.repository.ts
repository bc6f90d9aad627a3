import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TeamRole } from '@orbit/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Installation } from '../installations/installation.entity.js';
import { UserConfig } from '../installations/user-config.entity.js';
import { User } from '../users/user.entity.js';
import { Membership } from './membership.entity.js';
import { Team } from './team.entity.js';

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: TeamRole;
  joinedAt: Date;
}

/** The only code that touches the teams and memberships tables. Reads of team-owned rows take the team id. */
@Injectable()
export class TeamsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(teamId: string, manager?: EntityManager): Promise<Team | null> {
    return this.m(manager).getRepository(Team).findOneBy({ id: teamId });
  }

  findByIds(teamIds: readonly string[]): Promise<Team[]> {
    return this.dataSource.getRepository(Team).findBy({ id: In([...new Set(teamIds)]) });
  }

  /** Which of these ids are teams. */
  async existing(teamIds: readonly string[]): Promise<Set<string>> {
    if (teamIds.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(Team).findBy({ id: In([...new Set(teamIds)]) });
    return new Set(rows.map((t) => t.id));
  }

  exists(teamId: string): Promise<boolean> {
    return this.dataSource.getRepository(Team).existsBy({ id: teamId });
  }

  slugTaken(slug: string, manager?: EntityManager): Promise<boolean> {
    return this.m(manager).getRepository(Team).existsBy({ slug });
  }

  /** Every team (global admins) or the teams of one user, by name. */
  async list(limit: number, offset: number, memberId?: string): Promise<[Team[], number]> {
    const query = this.dataSource
      .getRepository(Team)
      .createQueryBuilder('t')
      .orderBy('t.personal', 'ASC')
      .addOrderBy('t.name', 'ASC')
      .addOrderBy('t.id', 'ASC');
    if (memberId !== undefined) {
      query.innerJoin(Membership, 'm', 'm.team_id = t.id AND m.user_id = :memberId', { memberId });
    }
    return query.skip(offset).take(limit).getManyAndCount();
  }

  async memberCounts(teamIds: string[]): Promise<Map<string, number>> {
    if (teamIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .select('m.team_id', 'teamId')
      .addSelect('COUNT(*)', 'count')
      .where('m.team_id IN (:...teamIds)', { teamIds })
      .groupBy('m.team_id')
      .getRawMany<{ teamId: string; count: string | number }>();
    return new Map(rows.map((r) => [r.teamId, Number(r.count)]));
  }

  save(team: Team, manager?: EntityManager): Promise<Team> {
    return this.m(manager).getRepository(Team).save(team);
  }

  async delete(teamId: string, manager: EntityManager): Promise<void> {
    const installations = await manager.getRepository(Installation).findBy({ teamId });
    if (installations.length > 0) {
      await manager.getRepository(UserConfig).delete({ installationId: In(installations.map((i) => i.id)) });
      await manager.getRepository(Installation).delete({ teamId });
    }
    await manager.getRepository(Membership).delete({ teamId });
    await manager.getRepository(Team).delete({ id: teamId });
  }

  /** The teams a user belongs to, with their role. */
  async membershipsOf(userId: string, manager?: EntityManager): Promise<{ team: Team; role: TeamRole }[]> {
    const memberships = await this.m(manager).getRepository(Membership).findBy({ userId });
    if (memberships.length === 0) return [];
    const teams = await this.m(manager)
      .getRepository(Team)
      .findBy({ id: In(memberships.map((m) => m.teamId)) });
    const byId = new Map(teams.map((t) => [t.id, t]));
    return memberships.flatMap((m) => {
      const team = byId.get(m.teamId);
      return team ? [{ team, role: m.role }] : [];
    });
  }

  async members(teamId: string, limit: number, offset: number): Promise<[MemberRow[], number]> {
    const base = this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin(User, 'u', 'u.id = m.user_id')
      .where('m.team_id = :teamId', { teamId });
    const total = await base.getCount();
    const rows = await base
      .select(['m.user_id AS userId', 'u.email AS email', 'u.name AS name', 'm.role AS role', 'm.created_at AS joinedAt'])
      .orderBy('u.email', 'ASC')
      .offset(offset)
      .limit(limit)
      .getRawMany<{ userId: string; email: string; name: string; role: TeamRole; joinedAt: Date | string }>();
    return [rows.map((r) => ({ ...r, joinedAt: new Date(r.joinedAt) })), total];
  }

  membership(teamId: string, userId: string, manager?: EntityManager): Promise<Membership | null> {
    return this.m(manager).getRepository(Membership).findOneBy({ teamId, userId });
  }

  saveMembership(membership: Membership, manager?: EntityManager): Promise<Membership> {
    return this.m(manager).getRepository(Membership).save(membership);
  }

  /** Ends a membership and drops the member's private values for the team's installations (satellites stop getting them). */
  async removeMembership(teamId: string, userId: string, manager?: EntityManager): Promise<void> {
    const m = this.m(manager);
    const installations = await m.getRepository(Installation).findBy({ teamId });
    if (installations.length > 0) {
      await m.getRepository(UserConfig).delete({ userId, installationId: In(installations.map((i) => i.id)) });
    }
    await m.getRepository(Membership).delete({ teamId, userId });
  }

  countMembers(teamId: string, manager?: EntityManager): Promise<number> {
    return this.m(manager).getRepository(Membership).countBy({ teamId });
  }

  countAdmins(teamId: string, manager?: EntityManager): Promise<number> {
    return this.m(manager).getRepository(Membership).countBy({ teamId, role: 'team_admin' });
  }

  /** Bumps the team's config version (every change that affects what satellites run) and returns the new one. */
  async bumpConfigVersion(teamId: string, manager?: EntityManager): Promise<number> {
    const repo = this.m(manager).getRepository(Team);
    await repo.increment({ id: teamId }, 'configVersion', 1);
    const team = await repo.findOneByOrFail({ id: teamId });
    return team.configVersion;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

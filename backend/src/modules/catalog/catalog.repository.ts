import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TransportType } from '@orbit/contracts';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { Installation } from '../installations/installation.entity.js';
import { CatalogAvailability } from './catalog-availability.entity.js';
import { CatalogServer } from './catalog-server.entity.js';
import { CatalogVersion } from './catalog-version.entity.js';

export interface CatalogFilter {
  q?: string;
  tag?: string;
  transport?: TransportType;
  /** Entries usable by any of these teams (their private ones, and available global ones). Absent: every entry. */
  teamIds?: string[];
  includeHidden: boolean;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async search(filter: CatalogFilter, limit: number, offset: number): Promise<[CatalogServer[], number]> {
    const query = this.dataSource.getRepository(CatalogServer).createQueryBuilder('s');
    if (filter.q) {
      const q = `%${escapeLike(filter.q.toLowerCase())}%`;
      query.andWhere('s.search_text LIKE :q', { q });
    }
    if (filter.tag) query.andWhere('s.tags LIKE :tag', { tag: `%,${escapeLike(filter.tag)},%` });
    if (filter.transport) query.andWhere('s.transport_type = :transport', { transport: filter.transport });
    // Deleted upstream: kept (installations still work), never offered, not even to admins browsing hidden entries.
    query.andWhere('s.upstream_deleted = :deleted', { deleted: false });
    if (!filter.includeHidden) query.andWhere('s.hidden = :no', { no: false }).andWhere("s.status <> 'disabled'");
    const teamIds = filter.teamIds;
    if (teamIds !== undefined) {
      if (teamIds.length === 0) return [[], 0];
      query.andWhere(
        new Brackets((w) => {
          w.where('s.owner_team_id IN (:...teamIds)', { teamIds }).orWhere(
            new Brackets((g) => {
              g.where('s.owner_team_id IS NULL').andWhere(
                new Brackets((a) => {
                  a.where('s.available_to_all = :yes', { yes: true }).orWhere(
                    's.id IN (SELECT ca.server_id FROM catalog_availability ca WHERE ca.team_id IN (:...teamIds))',
                    { teamIds },
                  );
                }),
              );
            }),
          );
        }),
      );
    }
    return query
      .orderBy('s.featured', 'DESC')
      .addOrderBy('s.title', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
  }

  findServer(id: string): Promise<CatalogServer | null> {
    return this.dataSource.getRepository(CatalogServer).findOneBy({ id });
  }

  nameTaken(name: string, ownerKey: string): Promise<boolean> {
    return this.dataSource.getRepository(CatalogServer).existsBy({ name, ownerKey });
  }

  saveServer(server: CatalogServer, manager?: EntityManager): Promise<CatalogServer> {
    return this.m(manager).getRepository(CatalogServer).save(server);
  }

  async availability(serverId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(CatalogAvailability).findBy({ serverId });
    return rows.map((r) => r.teamId);
  }

  async availabilityOf(serverIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (serverIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(CatalogAvailability)
      .createQueryBuilder('a')
      .where('a.server_id IN (:...serverIds)', { serverIds })
      .getMany();
    for (const row of rows) result.set(row.serverId, [...(result.get(row.serverId) ?? []), row.teamId]);
    return result;
  }

  async setAvailability(serverId: string, teamIds: string[], manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(CatalogAvailability);
    await repo.delete({ serverId });
    if (teamIds.length > 0) await repo.insert(teamIds.map((teamId) => ({ serverId, teamId })));
  }

  versions(serverId: string, limit: number, offset: number): Promise<[CatalogVersion[], number]> {
    return this.dataSource
      .getRepository(CatalogVersion)
      .createQueryBuilder('v')
      .where('v.server_id = :serverId', { serverId })
      .orderBy('v.created_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
  }

  findVersion(serverId: string, version: string): Promise<CatalogVersion | null> {
    return this.dataSource.getRepository(CatalogVersion).findOneBy({ serverId, version });
  }

  findVersionById(id: string): Promise<CatalogVersion | null> {
    return this.dataSource.getRepository(CatalogVersion).findOneBy({ id });
  }

  async addVersion(version: CatalogVersion, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(CatalogVersion);
    if (version.isLatest) await repo.update({ serverId: version.serverId }, { isLatest: false });
    await repo.save(version);
  }

  /** Teams with an installation of this entry (any version), or pinned to this one version. */
  async teamsUsing(of: { serverId: string } | { versionId: string }): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(Installation)
      .createQueryBuilder('i')
      .select('DISTINCT i.team_id', 'teamId')
      .where('serverId' in of ? 'i.server_id = :id' : 'i.version_id = :id', { id: 'serverId' in of ? of.serverId : of.versionId })
      .getRawMany<{ teamId: string }>();
    return rows.map((r) => r.teamId);
  }

  installationCount(serverId: string): Promise<number> {
    return this.dataSource.getRepository(Installation).countBy({ serverId });
  }

  async deleteServer(serverId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(CatalogAvailability).delete({ serverId });
    await manager.getRepository(CatalogVersion).delete({ serverId });
    await manager.getRepository(CatalogServer).delete({ id: serverId });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

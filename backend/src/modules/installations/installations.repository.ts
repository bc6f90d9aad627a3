import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Installation } from './installation.entity.js';
import { UserConfig } from './user-config.entity.js';

/** The only code that touches installations and user_configs. Every read of team-owned rows takes the team id. */
@Injectable()
export class InstallationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  listByTeam(teamId: string, limit: number, offset: number): Promise<[Installation[], number]> {
    return this.dataSource
      .getRepository(Installation)
      .findAndCount({ where: { teamId }, order: { slug: 'ASC' }, take: limit, skip: offset });
  }

  allByTeam(teamId: string): Promise<Installation[]> {
    return this.dataSource.getRepository(Installation).find({ where: { teamId }, order: { slug: 'ASC' } });
  }

  find(teamId: string, id: string): Promise<Installation | null> {
    return this.dataSource.getRepository(Installation).findOneBy({ teamId, id });
  }

  slugTaken(teamId: string, slug: string): Promise<boolean> {
    return this.dataSource.getRepository(Installation).existsBy({ teamId, slug });
  }

  countByTeam(teamId: string, manager?: EntityManager): Promise<number> {
    return this.m(manager).getRepository(Installation).countBy({ teamId });
  }

  save(installation: Installation, manager?: EntityManager): Promise<Installation> {
    return this.m(manager).getRepository(Installation).save(installation);
  }

  async delete(teamId: string, id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(UserConfig).delete({ installationId: id });
    await manager.getRepository(Installation).delete({ teamId, id });
  }

  userConfig(installationId: string, userId: string): Promise<UserConfig | null> {
    return this.dataSource.getRepository(UserConfig).findOneBy({ installationId, userId });
  }

  userConfigs(installationIds: string[]): Promise<UserConfig[]> {
    if (installationIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(UserConfig)
      .createQueryBuilder('c')
      .where('c.installation_id IN (:...ids)', { ids: installationIds })
      .getMany();
  }

  async saveUserConfig(config: UserConfig, manager?: EntityManager): Promise<void> {
    await this.m(manager).getRepository(UserConfig).save(config);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SsoIdentity } from './sso-identity.entity.js';
import { User } from './user.entity.js';

/** The only code that touches the users and sso_identities tables. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private users(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(User);
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.users(manager).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<User[]> {
    return this.users().findBy({ id: In([...new Set(ids)]) });
  }

  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.users(manager).findOneBy({ email: email.toLowerCase() });
  }

  async list(q: string | undefined, limit: number, offset: number): Promise<[User[], number]> {
    const query = this.users().createQueryBuilder('u').orderBy('u.email', 'ASC').skip(offset).take(limit);
    if (q) query.where('(u.email LIKE :q OR u.name LIKE :q)', { q: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return query.getManyAndCount();
  }

  save(user: User, manager?: EntityManager): Promise<User> {
    return this.users(manager).save(user);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(SsoIdentity).delete({ userId: id });
    await manager.getRepository(User).delete({ id });
  }

  countActiveGlobalAdmins(manager?: EntityManager): Promise<number> {
    return this.users(manager).countBy({ globalRole: 'global_admin', disabled: false });
  }

  hasSsoIdentity(userId: string): Promise<boolean> {
    return this.dataSource.getRepository(SsoIdentity).existsBy({ userId });
  }

  ssoLinkedUserIds(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return Promise.resolve(new Set());
    return this.dataSource
      .getRepository(SsoIdentity)
      .createQueryBuilder('s')
      .select('DISTINCT s.user_id', 'userId')
      .where('s.user_id IN (:...ids)', { ids: userIds })
      .getRawMany<{ userId: string }>()
      .then((rows) => new Set(rows.map((r) => r.userId)));
  }

  findSsoIdentity(issuer: string, subject: string): Promise<SsoIdentity | null> {
    return this.dataSource.getRepository(SsoIdentity).findOneBy({ issuer, subject });
  }

  saveSsoIdentity(identity: SsoIdentity, manager?: EntityManager): Promise<SsoIdentity> {
    return (manager ?? this.dataSource.manager).getRepository(SsoIdentity).save(identity);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository, type EntityManager } from 'typeorm';
import { Session } from './session.entity.js';

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(Session) private readonly sessions: Repository<Session>) {}

  save(session: Session): Promise<Session> {
    return this.sessions.save(session);
  }

  findByAccessHash(accessHash: string): Promise<Session | null> {
    return this.sessions.findOneBy({ accessHash });
  }

  findByRefreshHash(refreshHash: string): Promise<Session | null> {
    return this.sessions.findOneBy({ refreshHash });
  }

  findByPreviousRefreshHash(previousRefreshHash: string): Promise<Session | null> {
    return this.sessions.findOneBy({ previousRefreshHash });
  }

  async revoke(id: string): Promise<void> {
    await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string, exceptSessionId?: string): Promise<number> {
    const result = await this.sessions.update(
      { userId, revokedAt: IsNull(), ...(exceptSessionId !== undefined && { id: Not(exceptSessionId) }) },
      { revokedAt: new Date() },
    );
    return result.affected ?? 0;
  }

  async deleteAllForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(Session).delete({ userId });
  }
}

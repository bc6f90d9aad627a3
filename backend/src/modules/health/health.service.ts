import { Inject, Injectable } from '@nestjs/common';
import type { CheckStatus, HealthResponse } from '@orbit/contracts';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT } from '../../core/queue/queue.tokens.js';

const CHECK_TIMEOUT_MS = 2_000;

async function check(probe: () => Promise<unknown>): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch {
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  async check(): Promise<HealthResponse> {
    const [db, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(async () => {
        if ((await this.redis.ping()) !== 'PONG') throw new Error('unexpected ping answer');
      }),
    ]);
    return { status: db === 'ok' && redis === 'ok' ? 'ok' : 'error', checks: { db, redis } };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { sha256Hex } from '../../core/auth/tokens.js';
import { AppException, ErrorCode } from '../../core/errors/app.exception.js';
import { REDIS_CLIENT } from '../../core/queue/queue.tokens.js';

/**
 * Slows password guessing without locking anyone out: failures count per (account, source address) and per source
 * address, never per account alone, so the real user signs in from elsewhere while an attacker waits.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  private keys(email: string, ip: string): { pair: string; address: string } {
    const prefix = `${this.config.redis.prefix}:throttle:login`;
    return { pair: `${prefix}:pair:${sha256Hex(email.toLowerCase())}:${ip}`, address: `${prefix}:addr:${ip}` };
  }

  /** Throws 429 with Retry-After when this account from this address, or this address, failed too often. */
  async check(email: string, ip: string): Promise<void> {
    const { pair, address } = this.keys(email, ip);
    const { maxFailuresPerAccount, maxFailuresPerAddress } = this.config.loginThrottle;
    // Without the counters, password guessing would go unchecked: sign-in waits for Redis (503), it does not skip.
    const [[, pairCount], [, addressCount], [, pairTtl], [, addressTtl]] = (await this.unlessRedisDown(() =>
      this.redis.multi().get(pair).get(address).pttl(pair).pttl(address).exec(),
    )) as [[null, string | null], [null, string | null], [null, number], [null, number]];
    const blockedFor = [
      Number(pairCount ?? 0) >= maxFailuresPerAccount ? pairTtl : 0,
      Number(addressCount ?? 0) >= maxFailuresPerAddress ? addressTtl : 0,
    ];
    const waitMs = Math.max(...blockedFor);
    if (waitMs > 0) {
      throw new AppException(ErrorCode.TooManyRequests, 'Too many failed sign-in attempts. Try again later.', {
        retryAfterSeconds: Math.max(1, waitMs / 1000),
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const { pair, address } = this.keys(email, ip);
    const window = this.config.loginThrottle.windowSeconds;
    // The window starts at the first failure (NX): a steady trickle cannot keep it open forever.
    await this.unlessRedisDown(() =>
      this.redis.multi().incr(pair).expire(pair, window, 'NX').incr(address).expire(address, window, 'NX').exec(),
    );
  }

  private async unlessRedisDown<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch {
      throw new AppException(
        ErrorCode.Unavailable,
        'Sign-in is temporarily unavailable (the session store does not answer). Try again shortly.',
        {
          retryAfterSeconds: 5,
        },
      );
    }
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.unlessRedisDown(() => this.redis.del(this.keys(email, ip).pair));
  }
}

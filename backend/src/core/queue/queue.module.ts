import { Global, Inject, Logger, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS_CLIENT, QUEUE_SETTINGS } from './queue.tokens.js';
import { redisOptionsFromUrl } from './redis.js';
import { SatelliteNotifier, type QueueSettings } from './satellite-notifier.js';

@Global()
@Module({})
export class QueueModule implements OnModuleDestroy {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  static forRoot(redis: { url: string; prefix: string }): DynamicModule {
    const options = redisOptionsFromUrl(redis.url);
    const settings: QueueSettings = { connection: { url: redis.url, maxRetriesPerRequest: null }, prefix: redis.prefix };
    return {
      module: QueueModule,
      providers: [
        { provide: QUEUE_SETTINGS, useValue: settings },
        {
          provide: REDIS_CLIENT,
          useFactory: () => {
            const logger = new Logger('Redis');
            const client = new Redis({ ...options, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
            let reported = false;
            client.on('error', (err: Error) => {
              // ioredis retries by itself; say it once, not on every retry.
              if (!reported)
                logger.warn(`Redis at ${redis.url.replace(/\/\/[^@]*@/, '//*****@')} is unreachable: ${err.message}`);
              reported = true;
            });
            client.on('ready', () => (reported = false));
            return client;
          },
        },
        SatelliteNotifier,
      ],
      exports: [REDIS_CLIENT, QUEUE_SETTINGS, SatelliteNotifier],
    };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

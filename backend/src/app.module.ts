import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/env.schema.js';
import { DenyByDefaultGuard } from './core/auth/deny-by-default.guard.js';
import { DatabaseModule } from './core/database/database.module.js';
import { AllExceptionsFilter } from './core/errors/all-exceptions.filter.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { QueueModule } from './core/queue/queue.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { SystemModule } from './modules/system/system.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(config.database),
        QueueModule.forRoot(config.redis),
        SystemModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: DenyByDefaultGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}

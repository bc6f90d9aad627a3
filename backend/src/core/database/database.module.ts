import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DatabaseConfig } from '../../config/env.schema.js';
import { dataSourceOptions } from './data-source-options.js';

@Module({})
export class DatabaseModule {
  static forRoot(database: DatabaseConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // One try: a wrong DATABASE_URL must fail boot in seconds, not after ~30 s of retries.
          useFactory: () => ({ ...dataSourceOptions(database), retryAttempts: 0, retryDelay: 0 }),
        }),
      ],
    };
  }
}

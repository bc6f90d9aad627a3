import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../../config/env.schema.js';
import { ENTITIES, MIGRATIONS } from './entities.js';

/**
 * MySQL/MariaDB is production: the schema comes from migrations only. The embedded SQLite file of the
 * quick start is synchronised from the entities.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.type === 'mysql') {
    return {
      type: database.flavour,
      url: database.url,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsRun: database.migrationsRun,
      migrationsTransactionMode: 'each',
      synchronize: false,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      connectTimeout: 5_000,
      logging: ['error', 'migration'],
    };
  }
  mkdirSync(dirname(database.path), { recursive: true, mode: 0o700 });
  return {
    type: 'better-sqlite3',
    database: database.path,
    entities: ENTITIES,
    synchronize: true,
    enableWAL: true,
    logging: ['error'],
  };
}

import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/env.schema.js';
import { dataSourceOptions } from '../core/database/data-source-options.js';
import { describeDatabaseError } from '../core/database/describe-error.js';

/** The database for a maintenance command: no migrations, no schema sync, and a clear message when it can't open. */
export async function openCliDatabase(config: AppConfig): Promise<DataSource> {
  // Opening a SQLite path creates the file: look first, so a wrong ORBIT_DATA_DIR leaves nothing behind.
  if (config.database.type === 'sqlite' && !existsSync(config.database.path)) throw notOrbit(config);
  const dataSource = new DataSource({
    ...dataSourceOptions(config.database),
    migrationsRun: false,
    synchronize: false,
    logging: false,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(describeDatabaseError(config.database, error), { cause: error });
  }
  // A database the backend never started on (a wrong DATABASE_URL or ORBIT_DATA_DIR, most likely) has no tables.
  const runner = dataSource.createQueryRunner();
  const initialised = await runner.hasTable('system_settings').finally(() => runner.release());
  if (!initialised) {
    await dataSource.destroy();
    throw notOrbit(config);
  }
  return dataSource;
}

function notOrbit(config: AppConfig): Error {
  const where = config.database.type === 'sqlite' ? config.database.path : config.database.maskedUrl;
  return new Error(`${where} holds no Orbit database: check DATABASE_URL or ORBIT_DATA_DIR, or start the backend once`);
}

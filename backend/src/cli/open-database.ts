import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/env.schema.js';
import { dataSourceOptions } from '../core/database/data-source-options.js';
import { describeDatabaseError } from '../core/database/describe-error.js';

/** The database for a maintenance command: no migrations, no schema sync, and a clear message when it can't open. */
export async function openCliDatabase(config: AppConfig): Promise<DataSource> {
  const dataSource = new DataSource({
    ...dataSourceOptions(config.database),
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
  });
  try {
    return await dataSource.initialize();
  } catch (error) {
    throw new Error(describeDatabaseError(config.database, error), { cause: error });
  }
}

import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/env.schema.js';
import { dataSourceOptions } from '../core/database/data-source-options.js';
import { describeDatabaseError } from '../core/database/describe-error.js';

/** `npm run migrate -w backend [-- revert|show]`: applies, reverts the last, or lists the MySQL migrations. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.type !== 'mysql') {
    process.stdout.write('The embedded SQLite database is synchronised at start; migrations are for DATABASE_URL=mysql://…\n');
    return;
  }
  const dataSource = new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(describeDatabaseError(config.database, error), { cause: error });
  }
  try {
    const command = process.argv[2] ?? 'run';
    if (command === 'revert') await dataSource.undoLastMigration({ transaction: 'each' });
    else if (command === 'show') process.exitCode = (await dataSource.showMigrations()) ? 1 : 0;
    else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}\n` : 'Database is up to date\n');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `orbit-migrate: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../core/database/data-source-options.js';
import { MIGRATIONS } from '../../core/database/entities.js';
import { createTestDatabase, type TestDatabase } from '../support/mariadb.js';
import { testConfig } from '../support/test-config.js';
import { uniqueRedisPrefix } from '../support/redis.js';

describe('MySQL migrations on a real MariaDB', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig({ databaseUrl: db.url, redisPrefix: uniqueRedisPrefix() });
    if (config.database.type !== 'mysql') throw new Error('expected MySQL mode');
    dataSource = new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false, logging: false });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('starts from an empty database', async () => {
    expect(await dataSource.query('SHOW TABLES')).toEqual([]);
    expect(await dataSource.showMigrations()).toBe(true);
  });

  it('applies every migration in order and records it', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    const tables = await dataSource.query<Record<string, string>[]>('SHOW TABLES');
    const entityTables = dataSource.entityMetadatas.map((m) => m.tableName);
    expect(tables.map((row) => Object.values(row)[0]).sort()).toEqual([...entityTables, 'migrations'].sort());
    const version = await dataSource.query<{ v: string }[]>('SELECT VERSION() AS v');
    expect(version[0]?.v).toMatch(/MariaDB/);
  });

  it('leaves a schema that matches the entities exactly (no drift between migrations and code)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('reverts every migration and re-applies them cleanly', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query<Record<string, string>[]>('SHOW TABLES');
    expect(tables.map((row) => Object.values(row)[0])).toEqual(['migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('stores and returns text verbatim, including SQL-looking strings and 4-byte characters', async () => {
    const value = "'; DROP TABLE system_settings; -- 🚀 ünïcode";
    await dataSource.query('INSERT INTO system_settings (name, value) VALUES (?, ?)', ['probe', value]);
    const rows = await dataSource.query<{ value: string }[]>('SELECT value FROM system_settings WHERE name = ?', ['probe']);
    expect(rows[0]?.value).toBe(value);
  });
});

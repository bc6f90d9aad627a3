#!/usr/bin/env node
// Prints the SQL that would bring a MariaDB schema built by the current migrations up to the current entities:
// the body of the next migration. Needs a built backend (npm run build -w backend) and the local MariaDB.
//   node backend/scripts/schema-diff.mjs            (diff after every migration: empty when in sync)
//   node backend/scripts/schema-diff.mjs 1          (diff after the first migration only)
import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { ENTITIES, MIGRATIONS } from '../dist/core/database/entities.js';

const server = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
const name = `orbit_schema_diff_${Date.now()}`;
const admin = await createConnection(server);
await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
try {
  const upto = process.argv[2] === undefined ? MIGRATIONS.length : Number(process.argv[2]);
  const ds = new DataSource({
    // The local server is MariaDB: its driver flavour reads column defaults the way MariaDB reports them.
    type: 'mariadb',
    url: `${server}/${name}`,
    entities: ENTITIES,
    migrations: MIGRATIONS.slice(0, upto),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
  });
  await ds.initialize();
  await ds.runMigrations();
  const log = await ds.driver.createSchemaBuilder().log();
  console.log('-- up');
  for (const q of log.upQueries) console.log(`${q.query};`);
  console.log('-- down');
  for (const q of log.downQueries.reverse()) console.log(`${q.query};`);
  await ds.destroy();
} finally {
  await admin.query(`DROP DATABASE \`${name}\``);
  await admin.end();
}

import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/** The CI machine's MariaDB: root with an empty password on 127.0.0.1:3306 (TEST_MARIADB_URL overrides). */
export const MARIADB_SERVER_URL = process.env['TEST_MARIADB_URL'] ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A uniquely named, empty database for one test file; `drop()` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `orbit_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await createConnection(MARIADB_SERVER_URL);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  return {
    name,
    // The app's URL names the flavour, so TypeORM reads MariaDB's catalog the MariaDB way.
    url: `${MARIADB_SERVER_URL.replace(/\/$/, '').replace(/^mysql:/, 'mariadb:')}/${name}`,
    drop: async () => {
      const conn = await createConnection(MARIADB_SERVER_URL);
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../config/env.schema.js';
import { REDIS_TEST_URL } from './redis.js';

export const TEST_ENCRYPTION_KEY = `ktest:${Buffer.alloc(32, 42).toString('base64')}`;

/** A validated configuration for an in-process app: MariaDB when `databaseUrl` is given, else a temp SQLite file. */
export function testConfig(options: { databaseUrl?: string; redisPrefix: string; env?: Record<string, string> }): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ORBIT_DATA_DIR: mkdtempSync(join(tmpdir(), 'orbit-it-')),
    REDIS_URL: REDIS_TEST_URL,
    ORBIT_REDIS_PREFIX: options.redisPrefix,
    ORBIT_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
    ...options.env,
  });
}

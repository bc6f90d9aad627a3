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
    // No scheduled registry sync in tests, and no reaching for the real registry: a run fails fast unless a test
    // points REGISTRY_URL at its local registry server.
    REGISTRY_SYNC_CRON: 'off',
    REGISTRY_URL: 'http://127.0.0.1:9',
    REGISTRY_SYNC_ATTEMPTS: '1',
    ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
    ...options.env,
  });
}

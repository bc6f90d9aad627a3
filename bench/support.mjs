// Shared helpers for the benchmarks: the built backend on a fresh MariaDB database and Redis prefix, a small HTTP
// client, percentiles and the machine line. Not a benchmark itself (run.mjs only runs *.bench.mjs).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BACKEND_DIST = join(ROOT, 'backend', 'dist');
export const CONTRACTS_DIST = join(ROOT, 'libs', 'contracts', 'dist');
export const SATELLITE_DIST = join(ROOT, 'satellite', 'dist');
export const FIXTURES = process.env['ORBIT_FIXTURES_DIR'] ?? resolve(ROOT, '..', 'shared', 'fixtures', 'registry');

/** Same services as the integration tests (DESIGN, "Testing"); the same variables override them. */
export const MARIADB_SERVER_URL = process.env['TEST_MARIADB_URL'] ?? 'mysql://root@127.0.0.1:3306';
export const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export const BENCH_ENCRYPTION_KEY = `kbench:${Buffer.alloc(32, 7).toString('base64')}`;
export const ADMIN = { email: 'bench-admin@example.com', password: 'Orbit-root-pass-7Qx!' };

export const SATELLITE_BUILD = [join(CONTRACTS_DIST, 'index.js'), join(SATELLITE_DIST, 'auth', 'access-token-verifier.js')];
const REQUIRED_BUILD = [join(BACKEND_DIST, 'app.factory.js'), join(BACKEND_DIST, 'config', 'env.schema.js'), ...SATELLITE_BUILD];

/** The benchmarks run the built code: stop with a clear message when it is missing (all of it, or `files`). */
export function requireBuild(files = REQUIRED_BUILD) {
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length === 0) return;
  console.error(`The benchmarks run the built code, and these files are missing:\n  ${missing.join('\n  ')}`);
  console.error('Run "npm run build" at the repository root first.');
  process.exit(2);
}

/** Imports a file of the built backend (`backend/dist/<path>`). */
export function importBackend(path) {
  return import(pathToFileURL(join(BACKEND_DIST, path)).href);
}

/** Imports a file of the built satellite (`satellite/dist/<path>`). */
export function importSatellite(path) {
  return import(pathToFileURL(join(SATELLITE_DIST, path)).href);
}

export function importContracts(path = 'index.js') {
  return import(pathToFileURL(join(CONTRACTS_DIST, path)).href);
}

export function machineLine() {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${cpus().length} cores, load average ${load}`;
}

/** p-th percentile (nearest rank) of an unsorted list. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summary(values) {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}

export const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
export const int = (n) => Math.round(n).toLocaleString('en-US');

/** A fixed-width table: rows of cells, the first row is the header. */
export function table(rows, align = []) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((row) =>
      row.map((cell, i) => (align[i] === 'left' ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  '),
    )
    .join('\n');
}

/** Runs `work` over items with at most `concurrency` in flight. */
export async function inParallel(items, concurrency, work) {
  let next = 0;
  const runners = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  });
  await Promise.all(runners);
}

/** A minimal JSON client for the API (Node's fetch keeps connections alive). */
export function apiClient(baseUrl) {
  const call = async (method, path, { token, body, expect } = {}) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const json = text === '' ? undefined : JSON.parse(text);
    if (expect !== undefined && res.status !== expect) {
      throw new Error(`${method} ${path}: expected ${expect}, got ${res.status} ${text.slice(0, 500)}`);
    }
    return { status: res.status, body: json };
  };
  /** One timed request: milliseconds from sending to the last byte of the body. */
  const timed = async (path, token) => {
    const start = performance.now();
    const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 500)}`);
    return { ms, text };
  };
  const login = async (email, password) =>
    (await call('POST', '/api/auth/login', { body: { email, password }, expect: 200 })).body.accessToken;
  return { call, timed, login };
}

async function mysqlConnection() {
  const { createConnection } = await import('mysql2/promise');
  try {
    return await createConnection(MARIADB_SERVER_URL);
  } catch (error) {
    throw new Error(
      `MariaDB is not reachable at ${MARIADB_SERVER_URL} (${error.code ?? error.message}). Start it with: ` +
        'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql',
      { cause: error },
    );
  }
}

async function deleteRedisPrefix(prefix) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function checkRedis() {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${error.message}). Start it with: ` +
        'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
      { cause: error },
    );
  } finally {
    redis.disconnect();
  }
}

/**
 * The whole built backend on a uniquely named MariaDB database (`orbit_bench_<time>`) and Redis prefix, with a
 * bootstrapped global admin, listening on a free port. `close()` closes the app, drops the database and deletes
 * the Redis keys; it is safe to call more than once.
 */
export async function startBenchApp(env = {}) {
  await import('reflect-metadata');
  await checkRedis();
  const stamp = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dbName = `orbit_bench_${stamp}`;
  const redisPrefix = `orbit-bench-${stamp.replace('_', '-')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'orbit-bench-'));

  const admin = await mysqlConnection();
  try {
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }

  let app;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    const problems = [];
    const step = async (what, fn) => {
      try {
        await fn();
      } catch (error) {
        problems.push(`${what}: ${error.message}`);
      }
    };
    if (app) await step('closing the app', () => app.close());
    await step(`dropping ${dbName}`, async () => {
      const conn = await mysqlConnection();
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      } finally {
        await conn.end();
      }
    });
    await step('deleting the Redis keys', () => deleteRedisPrefix(redisPrefix));
    await step('removing the data folder', () => rmSync(dataDir, { recursive: true, force: true }));
    if (problems.length > 0) console.error(`Cleanup problems:\n  ${problems.join('\n  ')}`);
  };

  try {
    const { loadConfig } = await importBackend('config/env.schema.js');
    const { createApp } = await importBackend('app.factory.js');
    const { DataSource } = await import('typeorm');
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ORBIT_DATA_DIR: dataDir,
      DATABASE_URL: `${MARIADB_SERVER_URL.replace(/\/$/, '').replace(/^mysql:/, 'mariadb:')}/${dbName}`,
      REDIS_URL,
      ORBIT_REDIS_PREFIX: redisPrefix,
      ORBIT_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
      ORBIT_ADMIN_EMAIL: ADMIN.email,
      ORBIT_ADMIN_PASSWORD: ADMIN.password,
      // Long enough that no access token expires during a slow run.
      SESSION_ACCESS_TTL: '7200',
      ...env,
    });
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const baseUrl = `http://127.0.0.1:${address.port}`;
    return { app, baseUrl, dataSource: app.get(DataSource), dbName, api: apiClient(baseUrl), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Runs a benchmark's main function: cleans up on error and on Ctrl-C, and reports handles that keep the process
 * alive after the work is done instead of hanging silently.
 */
export function runBenchmark(main) {
  const cleanups = [];
  const onSignal = (signal) => {
    console.error(`\n${signal}: cleaning up`);
    void Promise.allSettled(cleanups.map((fn) => fn())).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  main((fn) => cleanups.push(fn))
    .catch((error) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    })
    .finally(async () => {
      await Promise.allSettled(cleanups.map((fn) => fn()));
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      const timer = setTimeout(() => {
        console.error('Open handles kept the benchmark alive 10 s after cleanup: exiting.');
        process.exit(process.exitCode ?? 1);
      }, 10_000);
      timer.unref();
    });
}

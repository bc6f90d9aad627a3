import type { SyncRunDto } from '@orbit/contracts';
import { createConnection } from 'mysql2/promise';
import { createTestDatabase, type TestDatabase } from '../support/mariadb.js';
import { builtEntry, freePort, runNode, waitForOk, type RunningProcess } from '../support/processes.js';
import { REDIS_TEST_URL, deleteRedisPrefix, uniqueRedisPrefix } from '../support/redis.js';
import { loadRegistryDump, startRegistryServer, type TestRegistry } from '../support/registry-server.js';
import { TEST_ENCRYPTION_KEY } from '../support/test-config.js';
import { ADMIN } from '../support/test-app.js';
import { waitForRun } from '../support/registry-runs.js';

const ENTRIES = 400;
const PAGE = 40;

/**
 * The backend is killed (SIGKILL) in the middle of a sync; the next backend on the same database resumes the run under
 * the same id from its saved cursor, and nothing is imported twice.
 */
describe('registry sync across a backend crash', () => {
  let db: TestDatabase;
  let prefix: string;
  let registry: TestRegistry;
  let env: Record<string, string>;
  let base: string;
  const procs: RunningProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = uniqueRedisPrefix();
    registry = await startRegistryServer(loadRegistryDump('registry-v0-dump-2025-12-02.json').slice(0, ENTRIES), {
      faults: { delayMs: 250 },
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: db.url,
      ORBIT_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      ORBIT_ADMIN_EMAIL: ADMIN.email,
      ORBIT_ADMIN_PASSWORD: ADMIN.password,
      REDIS_URL: REDIS_TEST_URL,
      ORBIT_REDIS_PREFIX: prefix,
      REGISTRY_URL: registry.url,
      REGISTRY_SYNC_CRON: 'off',
      REGISTRY_SYNC_PAGE_LIMIT: String(PAGE),
      REGISTRY_SYNC_LOCK_MS: '2000',
      REGISTRY_SYNC_BACKOFF_MS: '5',
      REGISTRY_SYNC_ATTEMPTS: '6',
      ORBIT_CONSOLE_DIR: '/nonexistent',
    };
  });

  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await registry?.close();
    await db?.drop();
    await deleteRedisPrefix(prefix);
  });

  async function startBackend(): Promise<RunningProcess> {
    const proc = runNode(builtEntry('backend'), env);
    procs.push(proc);
    await waitForOk(`${base}/api/health`, proc, 60_000);
    return proc;
  }

  async function signIn(): Promise<string> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  it('resumes the run from its cursor after the backend is killed, without duplicates', async () => {
    const first = await startBackend();
    let token = await signIn();
    const started = await fetch(`${base}/api/admin/registry/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };

    // Let it import a few pages, then kill the backend without warning.
    const until = Date.now() + 120_000;
    let before: SyncRunDto | undefined;
    while (Date.now() < until) {
      before = (await (
        await fetch(`${base}/api/admin/registry/sync/${runId}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as SyncRunDto;
      if (before.pages >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(before!.pages).toBeGreaterThanOrEqual(3);
    first.child.kill('SIGKILL');
    await first.exited;

    await startBackend();
    token = await signIn();
    const run = await waitForRun(base, token, runId);
    expect(run).toMatchObject({ id: runId, status: 'succeeded', seen: ENTRIES, pages: ENTRIES / PAGE + 1 });
    expect(run.imported + run.skippedCount).toBe(ENTRIES);

    const connection = await createConnection(db.url);
    try {
      const [[versions]] = (await connection.query('SELECT COUNT(*) AS n FROM catalog_versions')) as unknown as [[{ n: number }]];
      const [[distinct]] = (await connection.query(
        'SELECT COUNT(DISTINCT server_id, version) AS n FROM catalog_versions',
      )) as unknown as [[{ n: number }]];
      expect(Number(versions.n)).toBe(run.imported);
      expect(Number(distinct.n)).toBe(run.imported);
    } finally {
      await connection.end();
    }
    // The first backend asked for the first pages; the second went on from the saved cursor, not from the start.
    const firstPages = registry.requests.filter((r) => r.query['cursor'] === undefined);
    expect(firstPages.length).toBe(1);
  });
});

import { randomBytes } from 'node:crypto';
import { filesystemEntry } from '../factories/catalog.js';
import { createTestDatabase, type TestDatabase } from '../support/mariadb.js';
import { builtEntry, freePort, runNode, waitForOk, type RunningProcess } from '../support/processes.js';
import { REDIS_TEST_URL, deleteRedisPrefix, uniqueRedisPrefix } from '../support/redis.js';
import { TEST_ENCRYPTION_KEY } from '../support/test-config.js';

/** The canary secret goes through the real backend process at the chattiest log level; no line may contain it. */
describe('secrets in logs', () => {
  const canary = `canary-${randomBytes(12).toString('hex')}`;
  const prefix = uniqueRedisPrefix();
  let db: TestDatabase;
  let backend: RunningProcess;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    backend = runNode(builtEntry('backend'), {
      PORT: String(port),
      DATABASE_URL: db.url,
      REDIS_URL: REDIS_TEST_URL,
      ORBIT_REDIS_PREFIX: prefix,
      ORBIT_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      ORBIT_ADMIN_EMAIL: 'log-admin@example.com',
      ORBIT_ADMIN_PASSWORD: 'Quartz-pass-93-x',
      LOG_LEVEL: 'trace',
    });
    await waitForOk(`${base}/api/health`, backend);
  });

  afterAll(async () => {
    if (backend && backend.child.exitCode === null) {
      backend.child.kill('SIGTERM');
      await backend.exited;
    }
    await db?.drop();
    await deleteRedisPrefix(prefix);
  });

  async function call(method: string, path: string, token: string | undefined, body?: unknown) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }

  it('logs requests, failures and audit-worthy changes without ever printing a secret', async () => {
    const login = await call('POST', '/api/auth/login', undefined, {
      email: 'log-admin@example.com',
      password: 'Quartz-pass-93-x',
    });
    const token = login.body['accessToken'] as string;
    expect(token).toEqual(expect.any(String));
    // A failed sign-in with the canary as password, a weak password containing it, and a bad JSON body.
    await call('POST', '/api/auth/login', undefined, { email: 'log-admin@example.com', password: canary });
    await call('POST', '/api/users', token, { email: 'x@example.com', name: 'X', password: canary.slice(0, 6) });
    const entry = await call('POST', '/api/catalog/servers', token, filesystemEntry());
    const team = await call('POST', '/api/teams', token, { name: 'Logs' });
    const installation = await call('POST', `/api/teams/${String(team.body['id'])}/installations`, token, {
      serverId: entry.body['id'],
      version: '2026.8.31',
      config: { env: { SHARED_API_KEY: canary } },
    });
    expect(installation.status).toBe(201);
    // An invalid value carrying the canary is refused, and the refusal is logged.
    await call('PATCH', `/api/teams/${String(team.body['id'])}/installations/${String(installation.body['id'])}`, token, {
      config: { env: { DEBUG: canary } },
    });
    await call(
      'GET',
      `/api/teams/${String(team.body['id'])}/installations/${String(installation.body['id'])}/effective-config`,
      token,
    );

    backend.child.kill('SIGTERM');
    await backend.exited;
    const output = backend.output();
    expect(output.split('\n').filter((l) => l.includes('"req"')).length).toBeGreaterThan(5); // it did log the requests
    expect(output).not.toContain(canary);
    expect(output).not.toContain(token);
  });
});

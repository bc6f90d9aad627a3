import { satelliteQueueName, type CatalogServerDto, type CatalogVersionDto, type SyncRunDto } from '@orbit/contracts';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  loadRegistryDump,
  OFFICIAL,
  startRegistryServer,
  type RegistryEntry,
  type TestRegistry,
} from '../support/registry-server.js';
import { REDIS_TEST_URL } from '../support/redis.js';
import { waitForRun } from '../support/registry-runs.js';
import { insertSatellite } from '../support/satellites.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

const DUMP = 'registry-v0-dump-2025-12-02.json';

/**
 * Registry sync against a local registry server that serves the real dump with the real API's behaviour, on the real
 * MariaDB and Redis: the full import, idempotence, incremental runs, deletions, and faults.
 */
describe('registry sync', () => {
  let dump: RegistryEntry[];
  let registry: TestRegistry;
  let t: TestApp;
  let admin: string;
  /** Entries the full import skipped, as name@version. */
  let skippedKeys = new Set<string>();
  const imported = (e: RegistryEntry) => !skippedKeys.has(`${e.server.name}@${e.server.version}`);

  beforeAll(async () => {
    dump = loadRegistryDump(DUMP);
    registry = await startRegistryServer(dump);
    t = await startTestApp({
      REGISTRY_URL: registry.url,
      REGISTRY_SYNC_CRON: 'off',
      REGISTRY_SYNC_BACKOFF_MS: '5',
      REGISTRY_SYNC_ATTEMPTS: '8', // the resilience test below fails 6 requests in a row
      REGISTRY_SYNC_TIMEOUT_MS: '3000',
    });
    admin = await t.login(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
    await registry?.close();
  });

  async function sync(body: object = {}): Promise<SyncRunDto> {
    const res = await request(t.http).post('/api/admin/registry/sync').set('Authorization', `Bearer ${admin}`).send(body);
    expect(res.status).toBe(202);
    return waitForRun(t.http, admin, (res.body as { runId: string }).runId);
  }

  async function count(sql: string): Promise<number> {
    const [row] = await t.app.get(DataSource).query<{ n: number | string }[]>(sql);
    return Number(row!.n);
  }

  async function serverByName(name: string): Promise<{ server: CatalogServerDto; versions: CatalogVersionDto[] }> {
    const [row] = await t.app.get(DataSource).query<{ id: string }[]>('SELECT id FROM catalog_servers WHERE name = ?', [name]);
    const server = await request(t.http)
      .get(`/api/catalog/servers/${row!.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const versions = await request(t.http)
      .get(`/api/catalog/servers/${row!.id}/versions?limit=100`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    return { server: server.body as CatalogServerDto, versions: (versions.body as { items: CatalogVersionDto[] }).items };
  }

  async function adminTeam(): Promise<string> {
    const me = await request(t.http).get('/api/me').set('Authorization', `Bearer ${admin}`).expect(200);
    return (me.body.teams as { teamId: string }[])[0]!.teamId;
  }

  async function configVersion(teamId: string): Promise<number> {
    const team = await request(t.http).get(`/api/teams/${teamId}`).set('Authorization', `Bearer ${admin}`).expect(200);
    return team.body.configVersion as number;
  }

  /** The wake-up job a team's satellite got for one config version. */
  async function wakeup(satelliteId: string, teamId: string, version: number): Promise<unknown> {
    const queue = new Queue(satelliteQueueName(satelliteId), {
      connection: { url: REDIS_TEST_URL },
      prefix: t.config.redis.prefix,
    });
    try {
      return (await queue.getJob(`${teamId}-v${version}`))?.data;
    } finally {
      await queue.close();
    }
  }

  it('imports the whole dump with counts that match the data, and explains every skipped entry', async () => {
    const started = Date.now();
    const run = await sync();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `\nfull import of ${DUMP}: ${run.seen} entries in ${seconds.toFixed(1)} s (${Math.round(run.seen / seconds)} rows/s), ` +
        `${run.imported} imported, ${run.skippedCount} skipped, ${run.warningCount} warnings\n`,
    );
    expect(run).toMatchObject({
      status: 'succeeded',
      mode: 'full',
      seen: 2_354,
      pages: 24,
      updated: 0,
      unchanged: 0,
      error: null,
    });
    expect(run.imported + run.skippedCount).toBe(2_354);
    expect(run.skipped).toHaveLength(run.skippedCount); // few enough to list them all
    for (const skip of run.skipped) expect(skip.reason.length).toBeGreaterThan(5);
    // Entries with nothing to run (no package, no http remote) are skipped, and said so...
    const nothingToRun = dump.filter(
      (e) =>
        !e.server.packages?.length &&
        !(e.server.remotes as { type?: string; url?: string }[] | undefined)?.some(
          (r) => r.url && (r.type === 'streamable-http' || r.type === 'sse'),
        ),
    );
    expect(run.skipped.filter((s) => /neither a package nor/.test(s.reason))).toHaveLength(nothingToRun.length);
    // ...and the rest of the dirty real data stays under 1 %.
    expect(run.skippedCount - nothingToRun.length).toBeLessThan(24);
    skippedKeys = new Set(run.skipped.map((s) => `${s.name}@${s.version}`));
    const kept = dump.filter(imported);
    expect(await count('SELECT COUNT(*) AS n FROM catalog_versions')).toBe(kept.length);
    expect(await count('SELECT COUNT(*) AS n FROM catalog_versions WHERE is_latest = 1')).toBe(
      kept.filter((e) => e._meta[OFFICIAL].isLatest).length,
    );
    expect(await count("SELECT COUNT(*) AS n FROM catalog_servers WHERE source = 'registry'")).toBe(
      new Set(kept.map((e) => e.server.name)).size,
    );
    // The dump as described: 2,354 versions, 964 of them latest (one per server).
    expect(dump.filter((e) => e._meta[OFFICIAL].isLatest)).toHaveLength(964);
    expect(new Set(dump.map((e) => e.server.name)).size).toBe(964);
    // Non-npm packages are imported but flagged as needing a runtime.
    expect(await count('SELECT COUNT(*) AS n FROM catalog_versions WHERE runnable = 0')).toBeGreaterThan(300);
  });

  it('maps real entries: secret env vars, required headers, remotes, positional and named arguments', async () => {
    const latest = dump.filter((e) => e._meta[OFFICIAL].isLatest && imported(e));
    type Input = { name?: string; isRequired?: boolean; isSecret?: boolean; type?: string; value?: string };
    const pkg = (e: RegistryEntry) =>
      (
        e.server.packages as { registryType?: string; environmentVariables?: Input[]; packageArguments?: Input[] }[] | undefined
      )?.[0];
    const secretEnv = latest.find(
      (e) => pkg(e)?.registryType === 'npm' && pkg(e)?.environmentVariables?.some((v) => v.isRequired && v.isSecret),
    );
    const { versions } = await serverByName(secretEnv!.server.name);
    const current = versions.find((v) => v.version === secretEnv!.server.version)!;
    const secretName = pkg(secretEnv!)!.environmentVariables!.find((v) => v.isRequired && v.isSecret)!.name!;
    expect(current.transport).toMatchObject({ type: 'stdio', command: 'npx', package: { registryType: 'npm' } });
    expect(current.config.template.args?.slice(0, 2)).toEqual([
      '-y',
      (current.transport as { package: { identifier: string } }).package.identifier,
    ]);
    expect(current.config.team.env).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: secretName, type: 'secret', required: true })]),
    );
    expect(current.runnable).toBe(true);

    const remotes = latest.filter((e) =>
      (e.server.remotes as { headers?: Input[] }[] | undefined)?.some((r) => r.headers?.some((h) => h.isRequired)),
    );
    const remote = remotes[0]!;
    const remoteVersion = (await serverByName(remote.server.name)).versions.find((v) => v.version === remote.server.version)!;
    expect(['streamable-http', 'sse']).toContain(remoteVersion.transport.type);
    const header = (remote.server.remotes as { headers: Input[] }[])[0]!.headers.find((h) => h.isRequired)!;
    if (header.value === undefined) {
      expect(remoteVersion.config.team.headers).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: header.name, required: true })]),
      );
    }

    const named = latest.find(
      (e) => pkg(e)?.registryType === 'npm' && pkg(e)?.packageArguments?.some((a) => a.type === 'named' && a.value === undefined),
    );
    if (named) {
      const arg = pkg(named)!.packageArguments!.find((a) => a.type === 'named' && a.value === undefined)!;
      const v = (await serverByName(named.server.name)).versions.find((x) => x.version === named.server.version)!;
      const elements = [...(v.config.team.args ?? []), ...(v.config.user.args ?? [])];
      expect(elements).toEqual(expect.arrayContaining([expect.objectContaining({ flag: arg.name })]));
    }
  });

  it('writes nothing on a second run with no changes', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM catalog_versions');
    const [stamp] = await t.app.get(DataSource).query<{ s: string }[]>('SELECT MAX(updated_at) AS s FROM catalog_servers');
    const full = await sync({ full: true });
    expect(full).toMatchObject({ status: 'succeeded', mode: 'full', seen: 2_354, imported: 0, updated: 0 });
    expect(full.unchanged + full.skippedCount).toBe(2_354);
    const incremental = await sync();
    expect(incremental).toMatchObject({ status: 'succeeded', mode: 'incremental', seen: 0, imported: 0, updated: 0 });
    expect(await count('SELECT COUNT(*) AS n FROM catalog_versions')).toBe(before);
    const [after] = await t.app.get(DataSource).query<{ s: string }[]>('SELECT MAX(updated_at) AS s FROM catalog_servers');
    expect(String(after!.s)).toBe(String(stamp!.s));
  });

  it('picks up only what changed with updated_since, and keeps curation', async () => {
    const target = dump.find(
      (e) =>
        imported(e) &&
        e._meta[OFFICIAL].isLatest &&
        (e.server.packages as { registryType?: string }[] | undefined)?.[0]?.registryType === 'npm',
    )!;
    const { server } = await serverByName(target.server.name);
    await request(t.http)
      .patch(`/api/catalog/servers/${server.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ featured: true, hidden: true })
      .expect(200);
    registry.update(target.server.name, target.server.version, { description: 'Changed upstream' });
    registry.publish({ ...target.server, version: '99.0.0', description: 'A newer version' });
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', mode: 'incremental', seen: 2, imported: 1, updated: 1 });
    const after = await serverByName(target.server.name);
    expect(after.server).toMatchObject({ latestVersion: '99.0.0', description: 'A newer version', featured: true, hidden: true });
    expect(after.versions.find((v) => v.version === '99.0.0')?.isLatest).toBe(true);
    expect(after.versions.find((v) => v.version === target.server.version)?.isLatest).toBe(false);
  });

  it("keeps an admin's mapping override through later syncs, while the registry's status still applies", async () => {
    const target = dump.find(
      (e) =>
        imported(e) &&
        e._meta[OFFICIAL].isLatest &&
        dump.filter((o) => o.server.name === e.server.name).length === 1 &&
        (e.server.packages as { registryType?: string }[] | undefined)?.[0]?.registryType === 'npm',
    )!;
    const { server, versions } = await serverByName(target.server.name);
    const version = versions[0]!;
    // An installation of it, served by a team satellite: overrides and status changes must wake that satellite.
    const teamId = await adminTeam();
    const satellite = await insertSatellite(t.app, { kind: 'team', teamId, publicUrl: 'http://127.0.0.1:3999' });
    const installed = await request(t.http)
      .post(`/api/teams/${teamId}/installations`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ serverId: server.id, version: version.version });
    expect(installed.status).toBe(201);
    const before = await configVersion(teamId);
    const config = {
      ...version.config,
      user: {
        ...version.config.user,
        env: [...(version.config.user.env ?? []), { name: 'ORBIT_CURATED', type: 'string' as const }],
      },
    };
    const patched = await request(t.http)
      .patch(`/api/catalog/servers/${server.id}/versions/${version.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ config });
    expect(patched.status).toBe(200);
    expect(patched.body.mappingOverridden).toBe(true);
    expect(await configVersion(teamId)).toBe(before + 1);
    expect(await wakeup(satellite.id, teamId, before + 1)).toEqual({ teamId, version: before + 1, reason: 'catalog-version' });
    const invalid = await request(t.http)
      .patch(`/api/catalog/servers/${server.id}/versions/${version.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ config: { template: {}, team: { env: [{ name: 'X', type: 'nope' }] }, user: {} } });
    expect(invalid.status).toBe(400);

    registry.update(target.server.name, target.server.version, { description: 'Changed again upstream' });
    registry.setStatus(target.server.name, target.server.version, 'deprecated');
    const run = await sync();
    expect(run.status).toBe('succeeded');
    const after = (await serverByName(target.server.name)).versions[0]!;
    expect(after).toMatchObject({ mappingOverridden: true, status: 'deprecated' });
    expect(after.config.user.env).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'ORBIT_CURATED' })]));
    // The version and, through its latest version, the entry went deprecated: one wake-up for the page.
    expect((await serverByName(target.server.name)).server.status).toBe('deprecated');
    expect(await configVersion(teamId)).toBe(before + 2);
    expect(await wakeup(satellite.id, teamId, before + 2)).toEqual({ teamId, version: before + 2, reason: 'server-status' });
    await request(t.http)
      .delete(`/api/teams/${teamId}/installations/${installed.body.id as string}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(204);
  });

  it('flags a deleted entry: hidden from browsing, kept, and its installations see it', async () => {
    const lone = dump.find(
      (e) =>
        imported(e) &&
        e._meta[OFFICIAL].isLatest &&
        dump.filter((o) => o.server.name === e.server.name).length === 1 &&
        e.server.remotes?.length &&
        !(e.server.remotes as { headers?: unknown[]; url?: string }[])[0]!.headers &&
        !(e.server.remotes as { url?: string }[])[0]!.url?.includes('{'),
    )!;
    const { server } = await serverByName(lone.server.name);
    const teamId = await adminTeam();
    const installed = await request(t.http)
      .post(`/api/teams/${teamId}/installations`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ serverId: server.id, version: lone.server.version });
    expect(installed.status).toBe(201);

    registry.remove(lone.server.name, lone.server.version);
    const run = await sync();
    // updated_since overlaps the previous run by a minute: entries seen again are unchanged, no writes.
    expect(run).toMatchObject({ status: 'succeeded', updated: 1, imported: 0 });
    expect(run.seen - run.unchanged).toBe(1);
    const after = await serverByName(lone.server.name);
    expect(after.server.upstreamDeleted).toBe(true);
    expect(after.versions[0]?.status).toBe('deleted');
    const browse = await request(t.http)
      .get(`/api/catalog/servers?q=${encodeURIComponent(lone.server.name)}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect((browse.body.items as { id: string }[]).map((s) => s.id)).not.toContain(server.id);
    const installation = await request(t.http)
      .get(`/api/teams/${teamId}/installations/${installed.body.id as string}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(installation.body.upstreamStatus).toBe('deleted');
  });

  it('completes without duplicates through 500s, slow, hanging, truncated and BOM-prefixed pages', async () => {
    const versionsBefore = await count('SELECT COUNT(*) AS n FROM catalog_versions');
    registry.faults.failNext = 3;
    registry.faults.truncateNext = 2;
    registry.faults.hangNext = 1; // outlives REGISTRY_SYNC_TIMEOUT_MS (3 s): aborted and retried
    registry.faults.delayMs = 40; // every page slow, within the timeout
    registry.faults.bom = true;
    try {
      const run = await sync({ full: true });
      expect(run).toMatchObject({ status: 'succeeded', imported: 0, updated: 0 });
      expect(run.retries).toBeGreaterThanOrEqual(6);
      expect(run.unchanged + run.skippedCount).toBe(run.seen);
      expect(run.seen).toBe(dump.length + 1); // the version published above
    } finally {
      registry.faults.bom = false;
      registry.faults.delayMs = 0;
    }
    expect(registry.requests.filter((r) => r.fault === 'hang')).toHaveLength(1);
    expect(await count('SELECT COUNT(*) AS n FROM catalog_versions')).toBe(versionsBefore);
  });

  it('records a failed run when the registry keeps failing, and refuses a second run while one is going', async () => {
    registry.faults.failNext = 100;
    try {
      const res = await request(t.http).post('/api/admin/registry/sync').set('Authorization', `Bearer ${admin}`).send({});
      expect(res.status).toBe(202);
      const busy = await request(t.http).post('/api/admin/registry/sync').set('Authorization', `Bearer ${admin}`).send({});
      expect([202, 409]).toContain(busy.status); // 409 while the first is queued or running
      if (busy.status === 409) expect(busy.body).toMatchObject({ code: 'in_progress' });
      const run = await waitForRun(t.http, admin, res.body.runId as string);
      expect(run.status).toBe('failed');
      expect(run.error).toMatch(/500/);
      if (busy.status === 202) await waitForRun(t.http, admin, busy.body.runId as string);
    } finally {
      registry.faults.failNext = 0;
    }
  });

  it('starts one run when two admins ask at the same moment', async () => {
    registry.faults.failNext = 100; // the run fails fast, after the race is settled
    try {
      const [a, b] = await Promise.all(
        [0, 1].map(() => request(t.http).post('/api/admin/registry/sync').set('Authorization', `Bearer ${admin}`).send({})),
      );
      expect([a!.status, b!.status].sort()).toEqual([202, 409]);
      const [started, refused] = a!.status === 202 ? [a!, b!] : [b!, a!];
      expect(refused.body).toMatchObject({ code: 'in_progress' });
      expect(refused.body.message).toContain(started.body.runId as string);
      expect((await waitForRun(t.http, admin, started.body.runId as string)).status).toBe('failed');
    } finally {
      registry.faults.failNext = 0;
    }
    // The slot is free again once the run ended.
    expect((await sync()).status).toBe('succeeded');
  });

  it('validates the request and keeps runs to global admins', async () => {
    const bad = await request(t.http)
      .post('/api/admin/registry/sync')
      .set('Authorization', `Bearer ${admin}`)
      .send({ full: 'yes', extra: 1 });
    expect(bad.status).toBe(400);
    await request(t.http).get('/api/admin/registry/sync/not-a-run').set('Authorization', `Bearer ${admin}`).expect(404);
    const list = await request(t.http)
      .get('/api/admin/registry/sync?limit=2')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.nextCursor).toBeDefined();
  });
});

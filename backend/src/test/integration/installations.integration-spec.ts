import type { InstallationDto } from '@orbit/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { satelliteQueueName } from '@orbit/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { sha256Hex } from '../../core/auth/tokens.js';
import { VaultError } from '../../core/vault/vault.js';
import { Satellite } from '../../modules/satellites/satellite.entity.js';
import { RuntimeConfigService } from '../../modules/installations/runtime-config.service.js';
import { filesystemEntry, remoteEntry } from '../factories/catalog.js';
import { REDIS_TEST_URL } from '../support/redis.js';
import { ADMIN, addMemberVia, createTeamVia, createUserVia, startTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'Install-test-pass-88';
const CANARY = `canary-${randomBytes(12).toString('hex')}`;

describe('installations, user config and the vault on MariaDB', () => {
  let t: TestApp;
  let admin: string;
  let teamAdmin: string;
  let alice: string;
  let bob: string;
  let teamId: string;
  let installation: InstallationDto;
  const responses: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.email, ADMIN.password);
    for (const email of ['inst-admin@example.com', 'inst-alice@example.com', 'inst-bob@example.com']) {
      await createUserVia(t.http, admin, { email, password: PASSWORD });
    }
    teamAdmin = await t.login('inst-admin@example.com', PASSWORD);
    alice = await t.login('inst-alice@example.com', PASSWORD);
    bob = await t.login('inst-bob@example.com', PASSWORD);
    teamId = await createTeamVia(t.http, teamAdmin, 'Install team');
    await addMemberVia(t.http, teamAdmin, teamId, 'inst-alice@example.com', 'team_user');
    await addMemberVia(t.http, teamAdmin, teamId, 'inst-bob@example.com', 'team_user');
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Every response body is kept, to prove the canary secret never comes back. */
  const as = (token: string) => {
    const keep = async (req: request.Test) => {
      const res = await req;
      responses.push(res.text);
      return res;
    };
    return {
      get: (path: string) => keep(request(t.http).get(path).set('Authorization', `Bearer ${token}`)),
      post: (path: string, body: object) => keep(request(t.http).post(path).set('Authorization', `Bearer ${token}`).send(body)),
      patch: (path: string, body: object) => keep(request(t.http).patch(path).set('Authorization', `Bearer ${token}`).send(body)),
      put: (path: string, body: object) => keep(request(t.http).put(path).set('Authorization', `Bearer ${token}`).send(body)),
    };
  };
  const base = () => `/api/teams/${teamId}/installations`;

  it("runs the brief's flow: entry, install with a team secret, a user's directories, the masked effective config", async () => {
    const entry = (await as(admin).post('/api/catalog/servers', filesystemEntry())).body as { id: string };
    const created = await as(teamAdmin).post(base(), {
      serverId: entry.id,
      version: '2026.8.31',
      config: { env: { SHARED_API_KEY: CANARY } },
      locks: { 'env.DEBUG': false },
    });
    expect(created.status).toBe(201);
    installation = created.body as InstallationDto;
    expect(installation).toMatchObject({
      slug: 'server-filesystem',
      status: 'ready',
      config: { env: { SHARED_API_KEY: '*****' } },
      missing: [],
    });

    const mine = await as(alice).put(`${base()}/${installation.id}/user-config`, {
      args: { directories: ['/Users/alice/Development', '/Users/alice/Projects'] },
      env: { DEBUG: 'true' },
    });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ status: 'ready', missing: [] });

    const effective = await as(alice).get(`${base()}/${installation.id}/effective-config`);
    expect(effective.body).toEqual({
      transportType: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/alice/Development', '/Users/alice/Projects'],
      env: { PROTOCOL_VERSION: '1.0', SHARED_API_KEY: '*****', DEBUG: 'true' },
      status: 'ready',
      missing: [],
      invalid: [],
    });
  });

  it('tells a member what is missing, and team admins only which keys members set', async () => {
    const effective = (await as(bob).get(`${base()}/${installation.id}/effective-config`)).body;
    expect(effective).toMatchObject({ status: 'awaiting_user_config', missing: ['args.directories'] });
    const states = (await as(teamAdmin).get(`${base()}/${installation.id}/user-configs`)).body.items as {
      email: string;
      set: string[];
    }[];
    expect(states.find((s) => s.email === 'inst-alice@example.com')?.set).toEqual(['args.directories', 'env.DEBUG']);
    expect(JSON.stringify(states)).not.toContain('/Users/alice');
    expect((await as(alice).get(`${base()}/${installation.id}/user-configs`)).status).toBe(403);
  });

  it('gives the runtime config service the decrypted secret, and nothing else does', async () => {
    const runtime = await t.app
      .get(RuntimeConfigService)
      .forUser(teamId, installation.id, (await as(alice).get('/api/me')).body.id as string);
    expect(runtime.config).toEqual({
      transportType: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/alice/Development', '/Users/alice/Projects'],
      env: { PROTOCOL_VERSION: '1.0', SHARED_API_KEY: CANARY, DEBUG: 'true' },
    });

    await as(admin).get('/api/audit?limit=100');
    await as(teamAdmin).get(`${base()}/${installation.id}`);
    expect(responses.join('\n')).not.toContain(CANARY);

    // A full dump of the database: every row of every table.
    const db = t.app.get(DataSource);
    const tables = (await db.query<Record<string, string>[]>('SHOW TABLES')).map((row) => Object.values(row)[0]!);
    let dump = '';
    for (const table of tables) dump += JSON.stringify(await db.query(`SELECT * FROM \`${table}\``));
    expect(dump.length).toBeGreaterThan(1000);
    expect(dump).toContain('v1:'); // the sealed value is there…
    expect(dump).not.toContain(CANARY); // …and the secret is not

    const redis = new Redis(REDIS_TEST_URL);
    try {
      let cursor = '0';
      let seen = '';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${t.config.redis.prefix}:*`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) seen += key + JSON.stringify(await redis.dump(key));
      } while (cursor !== '0');
      expect(seen).not.toContain(CANARY);
    } finally {
      redis.disconnect();
    }
  });

  it('serves the team runtime state, secrets opened, only to a satellite that serves the team', async () => {
    const satellites = t.app.get(DataSource).getRepository(Satellite);
    const insert = async (kind: 'global' | 'team', team: string | null) => {
      const credential = `orbit_sat_${randomBytes(24).toString('base64url')}`;
      await satellites.insert({
        id: randomUUID(),
        name: `sat-${kind}`,
        kind,
        teamId: team,
        publicUrl: 'http://127.0.0.1:3001',
        credentialHash: sha256Hex(credential),
        status: 'online',
        lastHeartbeatAt: null,
        version: '0.1.0',
      });
      return credential;
    };
    const global = await insert('global', null);
    const path = `/api/satellite/teams/${teamId}/runtime-state`;
    const state = await request(t.http).get(path).set('Authorization', `Bearer ${global}`).expect(200);
    expect(state.body.teamId).toBe(teamId);
    expect(state.body.configVersion).toBeGreaterThan(0);
    const [item] = state.body.installations as {
      slug: string;
      teamValues: { env: Record<string, string> };
      userValues: Record<string, unknown>;
    }[];
    expect(item?.slug).toBe('server-filesystem');
    expect(item?.teamValues.env['SHARED_API_KEY']).toBe(CANARY);
    expect(Object.values(item?.userValues ?? {})).toEqual([
      { args: { directories: ['/Users/alice/Development', '/Users/alice/Projects'] }, env: { DEBUG: 'true' } },
    ]);

    await request(t.http).get(path).expect(401);
    await request(t.http).get(path).set('Authorization', `Bearer ${teamAdmin}`).expect(401);
    await request(t.http).get(path).set('Authorization', 'Bearer orbit_sat_forged').expect(401);
    // Once the team has a satellite of its own, global satellites no longer serve it.
    const own = await insert('team', teamId);
    await request(t.http).get(path).set('Authorization', `Bearer ${own}`).expect(200);
    await request(t.http).get(path).set('Authorization', `Bearer ${global}`).expect(404);
    const otherTeam = await insert('team', randomUUID());
    await request(t.http).get(path).set('Authorization', `Bearer ${otherTeam}`).expect(404);
  });

  it('wakes the satellites serving the team after a committed change, with the new config version', async () => {
    const serving = await t.app.get(DataSource).getRepository(Satellite).findBy({ kind: 'team', teamId });
    expect(serving.length).toBeGreaterThan(0);
    await as(teamAdmin).patch(`${base()}/${installation.id}`, { toolPolicy: { disabled: ['write_file'] } });
    const version = (await as(teamAdmin).get(`/api/teams/${teamId}`)).body.configVersion as number;
    for (const satellite of serving) {
      const queue = new Queue(satelliteQueueName(satellite.id), {
        connection: { url: REDIS_TEST_URL },
        prefix: t.config.redis.prefix,
      });
      try {
        const job = await queue.getJob(`${teamId}-v${version}`);
        expect(job?.name).toBe('config-changed');
        expect(job?.data).toEqual({ teamId, version, reason: 'installation' });
        expect(JSON.stringify(job?.data)).not.toContain(CANARY);
      } finally {
        await queue.close();
      }
    }
  });

  it('keeps a secret on "*****", erases it on null, and reports the installation incomplete', async () => {
    await as(teamAdmin).patch(`${base()}/${installation.id}`, { config: { env: { SHARED_API_KEY: '*****' } } });
    expect((await as(teamAdmin).get(`${base()}/${installation.id}`)).body.status).toBe('ready');
    const erased = (await as(teamAdmin).patch(`${base()}/${installation.id}`, { config: { env: { SHARED_API_KEY: null } } }))
      .body;
    expect(erased).toMatchObject({ status: 'incomplete', missing: ['env.SHARED_API_KEY'] });
    expect((await as(alice).get(`${base()}/${installation.id}/effective-config`)).body.status).toBe('incomplete');
    await as(teamAdmin).patch(`${base()}/${installation.id}`, { config: { env: { SHARED_API_KEY: CANARY } } });
  });

  it('refuses bad values with field messages, and members changing team settings', async () => {
    const bad = await as(teamAdmin).patch(`${base()}/${installation.id}`, {
      config: { env: { NOPE: 'x', DEBUG: 'maybe' } },
      locks: { 'env.SHARED_API_KEY': true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'config.env.NOPE', message: 'env.NOPE is not a value you can set here' },
      { field: 'config.env.DEBUG', message: 'env.DEBUG must be "true" or "false"' },
      { field: 'locks.env.SHARED_API_KEY', message: 'env.SHARED_API_KEY is not a user-tier or user-overridable element' },
    ]);
    expect(
      (await as(alice).put(`${base()}/${installation.id}/user-config`, { env: { SHARED_API_KEY: 'mine' } })).body.details,
    ).toEqual([{ field: 'env.SHARED_API_KEY', message: 'env.SHARED_API_KEY is not a value you can set here' }]);
    expect((await as(alice).patch(`${base()}/${installation.id}`, { disabled: true })).status).toBe(403);
    expect((await as(alice).get(`${base()}/${installation.id}`)).body.config).toEqual({});
  });

  it('hides a team’s installations from other teams', async () => {
    const other = await createTeamVia(t.http, admin, 'Other team');
    expect((await as(teamAdmin).get(`/api/teams/${other}/installations`)).status).toBe(404);
    expect((await as(admin).get(`/api/teams/${other}/installations/${installation.id}`)).status).toBe(404);
  });

  it("shows members the team's values only where the definition allows", async () => {
    const remote = (await as(teamAdmin).post('/api/catalog/servers', remoteEntry({ name: 'io.example/visible', teamId })))
      .body as { id: string };
    const created = (
      await as(teamAdmin).post(base(), {
        serverId: remote.id,
        version: '1.0.0',
        config: { headers: { token: 'tok' }, url: { tenant: 'acme' } },
      })
    ).body as InstallationDto;
    const adminView = (await as(teamAdmin).get(`${base()}/${created.id}/effective-config`)).body as { url: string };
    expect(adminView.url).toBe('https://acme.tracker.example/mcp');
    const memberView = (await as(alice).get(`${base()}/${created.id}/effective-config`)).body as {
      url: string;
      headers: Record<string, string>;
    };
    expect(memberView.url).toBe('https://*****.tracker.example/mcp');
    expect(memberView.headers['Authorization']).toBe('*****');
  });

  it('reports a tampered or moved ciphertext as a decryption error, without breaking the API', async () => {
    const db = t.app.get(DataSource);
    const [row] = await db.query<{ team_values: string }[]>('SELECT team_values FROM installations WHERE id = ?', [
      installation.id,
    ]);
    const values = JSON.parse(row!.team_values) as { env: Record<string, string> };
    const sealed = values.env['SHARED_API_KEY']!;
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    await db.query('UPDATE installations SET team_values = ? WHERE id = ?', [
      JSON.stringify({ env: { SHARED_API_KEY: flipped } }),
      installation.id,
    ]);
    const runtime = t.app.get(RuntimeConfigService);
    const aliceId = (await as(alice).get('/api/me')).body.id as string;
    await expect(runtime.forUser(teamId, installation.id, aliceId)).rejects.toMatchObject({ reason: 'tampered' });
    // The team's runtime state reports the damaged installation instead of failing for the whole team.
    const [state] = await runtime.teamState(teamId);
    expect(state).toMatchObject({
      id: installation.id,
      teamValues: {},
      error: expect.stringContaining('failed its integrity check'),
    });
    // The request path never opens secrets, so it keeps working.
    expect((await as(alice).get(`${base()}/${installation.id}/effective-config`)).status).toBe(200);

    // The intact ciphertext copied to another installation's row fails too: it is bound to its row.
    const remote = (await as(teamAdmin).post('/api/catalog/servers', remoteEntry({ name: 'io.example/moved', teamId }))).body as {
      id: string;
    };
    const second = (
      await as(teamAdmin).post(base(), {
        serverId: remote.id,
        version: '1.0.0',
        config: { headers: { token: 'x' }, url: { tenant: 't' } },
      })
    ).body as InstallationDto;
    await db.query('UPDATE installations SET team_values = ? WHERE id = ?', [
      JSON.stringify({ headers: { token: sealed }, url: { tenant: 't' } }),
      second.id,
    ]);
    const moved = await runtime.forUser(teamId, second.id, aliceId).catch((error: unknown) => error);
    expect(moved).toBeInstanceOf(VaultError);
    expect((moved as VaultError).reason).toBe('tampered');
  });

  it("drops a member's private values when they leave the team, so satellites stop receiving them", async () => {
    const aliceId = (await as(alice).get('/api/me')).body.id as string;
    const remote = (await as(teamAdmin).post('/api/catalog/servers', remoteEntry({ name: 'io.example/leaving', teamId })))
      .body as { id: string };
    const created = (
      await as(teamAdmin).post(base(), {
        serverId: remote.id,
        version: '1.0.0',
        config: { headers: { token: 'tok' }, url: { tenant: 'acme' } },
      })
    ).body as InstallationDto;
    expect((await as(alice).put(`${base()}/${created.id}/user-config`, { queryParams: { project: 'p1' } })).status).toBe(200);
    const before = await t.app.get(RuntimeConfigService).teamState(teamId);
    expect(before.some((i) => aliceId in i.userValues)).toBe(true);
    await request(t.http)
      .delete(`/api/teams/${teamId}/members/${aliceId}`)
      .set('Authorization', `Bearer ${teamAdmin}`)
      .expect(204);
    const after = await t.app.get(RuntimeConfigService).teamState(teamId);
    expect(after.some((i) => aliceId in i.userValues)).toBe(false);
  });

  it('disables the installations of an entry an admin disables, and wakes their teams', async () => {
    const version = (await as(teamAdmin).get(`/api/teams/${teamId}`)).body.configVersion as number;
    const entryId = installation.serverId;
    await as(admin).patch(`/api/catalog/servers/${entryId}`, { status: 'disabled' });
    expect((await as(teamAdmin).get(`${base()}/${installation.id}`)).body.status).toBe('disabled');
    expect((await as(teamAdmin).get(`/api/teams/${teamId}`)).body.configVersion).toBe(version + 1);
    const state = await t.app.get(RuntimeConfigService).teamState(teamId);
    expect(state.find((i) => i.id === installation.id)?.disabled).toBe(true);
    expect((await as(teamAdmin).post(base(), { serverId: entryId, version: '2026.8.31', slug: 'again' })).status).toBe(400);
  });
});

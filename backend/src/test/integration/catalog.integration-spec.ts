import type { CatalogServerDto, ErrorResponse, Page } from '@orbit/contracts';
import request from 'supertest';
import { filesystemEntry, remoteEntry } from '../factories/catalog.js';
import { ADMIN, addMemberVia, createTeamVia, createUserVia, startTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'Catalog-test-pass-77';

describe('catalog on MariaDB', () => {
  let t: TestApp;
  let admin: string;
  let teamAdmin: string;
  let teamUser: string;
  let outsider: string;
  let teamA: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.email, ADMIN.password);
    for (const email of ['cat-admin@example.com', 'cat-user@example.com', 'cat-outsider@example.com']) {
      await createUserVia(t.http, admin, { email, password: PASSWORD });
    }
    teamAdmin = await t.login('cat-admin@example.com', PASSWORD);
    teamUser = await t.login('cat-user@example.com', PASSWORD);
    outsider = await t.login('cat-outsider@example.com', PASSWORD);
    teamA = await createTeamVia(t.http, teamAdmin, 'Catalog team');
    await addMemberVia(t.http, teamAdmin, teamA, 'cat-user@example.com', 'team_user');
  });

  afterAll(async () => {
    await t?.close();
  });

  const as = (token: string) => ({
    get: (path: string) => request(t.http).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => request(t.http).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => request(t.http).patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  it("lets a global admin add the brief's filesystem entry, with its first version", async () => {
    const res = await as(admin).post('/api/catalog/servers', filesystemEntry()).expect(201);
    expect(res.body).toMatchObject({
      name: 'io.github.modelcontextprotocol/server-filesystem',
      source: 'manual',
      ownerTeamId: null,
      status: 'active',
      latestVersion: '2026.8.31',
      transportType: 'stdio',
    });
    const versions = (await as(teamUser).get(`/api/catalog/servers/${res.body.id}/versions`).expect(200)).body;
    expect(versions.items[0]).toMatchObject({ version: '2026.8.31', isLatest: true, config: filesystemEntry().config });
  });

  it('answers 409 for a taken name and 400 with field paths for a bad definition', async () => {
    expect((await as(admin).post('/api/catalog/servers', filesystemEntry()).expect(409)).body.code).toBe('duplicate');
    const bad = filesystemEntry({ name: 'io.example/bad' });
    bad.config.user.env = [{ name: 'DEBUG', type: 'boolean', default: 'maybe' }];
    bad.config.team.env = [{ name: 'SHARED_API_KEY', type: 'secret', visibleToUsers: true }];
    const res = await as(admin).post('/api/catalog/servers', bad).expect(400);
    expect(res.body.details).toEqual([
      { field: 'config.team.env[0].visibleToUsers', message: 'a secret is never shown to anyone' },
      { field: 'config.user.env[0].default', message: 'default must be "true" or "false"' },
    ]);
    const noName = await as(admin)
      .post('/api/catalog/servers', { ...filesystemEntry(), name: 'not a name' })
      .expect(400);
    expect(noName.body.details[0].field).toBe('name');
  });

  it('lets team admins add team-private npm or remote entries, and nothing that runs an arbitrary binary', async () => {
    const res = await as(teamAdmin)
      .post('/api/catalog/servers', remoteEntry({ teamId: teamA }))
      .expect(201);
    expect(res.body.ownerTeamId).toBe(teamA);
    const binary = filesystemEntry({
      name: 'io.example/binary',
      teamId: teamA,
      transport: { type: 'stdio', command: '/usr/local/bin/tool' },
    });
    binary.config = { template: {}, team: {}, user: {} };
    expect((await as(teamAdmin).post('/api/catalog/servers', binary).expect(403)).body.message).toMatch(
      /npm package or a remote URL/,
    );
    expect(
      (
        await as(teamUser)
          .post('/api/catalog/servers', remoteEntry({ name: 'io.example/x', teamId: teamA }))
          .expect(403)
      ).body.statusCode,
    ).toBe(403);
    await as(outsider)
      .post('/api/catalog/servers', remoteEntry({ name: 'io.example/y', teamId: teamA }))
      .expect(404);
    expect(
      (
        await as(teamAdmin)
          .post('/api/catalog/servers', filesystemEntry({ name: 'io.example/global' }))
          .expect(403)
      ).body.statusCode,
    ).toBe(403);
  });

  it('shows each caller the entries their teams may use, and hides other teams’ private entries', async () => {
    const mine = ((await as(teamUser).get('/api/catalog/servers').expect(200)).body as Page<CatalogServerDto>).items.map(
      (s) => s.name,
    );
    expect(mine).toEqual(
      expect.arrayContaining(['io.github.modelcontextprotocol/server-filesystem', 'com.example/remote-tracker']),
    );
    const theirs = ((await as(outsider).get('/api/catalog/servers').expect(200)).body as Page<CatalogServerDto>).items.map(
      (s) => s.name,
    );
    expect(theirs).toEqual(['io.github.modelcontextprotocol/server-filesystem']);
    const privateId = (await as(teamUser).get('/api/catalog/servers?q=tracker').expect(200)).body.items[0].id as string;
    await as(outsider).get(`/api/catalog/servers/${privateId}`).expect(404);
  });

  it('searches by text, tag and transport, with paging', async () => {
    expect((await as(teamUser).get('/api/catalog/servers?q=FILE').expect(200)).body.total).toBe(1);
    expect((await as(teamUser).get('/api/catalog/servers?tag=issues').expect(200)).body.items[0].name).toBe(
      'com.example/remote-tracker',
    );
    expect((await as(teamUser).get('/api/catalog/servers?transport=streamable-http').expect(200)).body.total).toBe(1);
    const page = (await as(teamUser).get('/api/catalog/servers?limit=1').expect(200)).body;
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect((await as(teamUser).get('/api/catalog/servers?transport=ftp').expect(400)).body.details[0].field).toBe('transport');
  });

  it('limits a global entry to chosen teams', async () => {
    const res = await as(admin)
      .post(
        '/api/catalog/servers',
        filesystemEntry({ name: 'io.example/limited', availability: { allTeams: false, teamIds: [teamA] } }),
      )
      .expect(201);
    await as(teamUser).get(`/api/catalog/servers/${res.body.id}`).expect(200);
    await as(outsider).get(`/api/catalog/servers/${res.body.id}`).expect(404);
  });

  it('proposes a categorised entry from a pasted Claude Desktop config, keeping no secret, and saves nothing', async () => {
    const pasted = {
      mcpServers: {
        files: {
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/alice/Desktop'],
          env: { SHARED_API_KEY: 'sk-live-123', DEBUG: 'true' },
        },
      },
    };
    const before = (await as(admin).get('/api/catalog/servers')).body.total as number;
    const res = await as(admin).post('/api/catalog/drafts', { claudeDesktopConfig: pasted }).expect(200);
    expect(JSON.stringify(res.body)).not.toContain('sk-live-123');
    expect(res.body).toMatchObject({
      name: 'io.github.modelcontextprotocol/server-filesystem',
      transport: {
        type: 'stdio',
        command: 'npx',
        package: { registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem' },
      },
      config: {
        template: { args: ['-y', '@modelcontextprotocol/server-filesystem'] },
        team: { env: [{ name: 'SHARED_API_KEY', type: 'secret', required: true }] },
        user: {
          args: [{ name: 'paths', type: 'filepath', required: true, repeated: true }],
          env: [{ name: 'DEBUG', type: 'boolean', default: 'true' }],
        },
      },
      problems: [],
    });
    expect(res.body.notes).toEqual(expect.arrayContaining(['env.SHARED_API_KEY: the pasted value is not kept']));
    expect((await as(admin).get('/api/catalog/servers')).body.total).toBe(before);
    // The reviewed draft saves as an entry.
    const { name: _name, notes: _notes, problems: _problems, ...draft } = res.body as Record<string, unknown>;
    await as(admin)
      .post('/api/catalog/servers', { ...draft, name: 'io.example/from-draft', title: 'From draft' })
      .expect(201);
  });

  it('proposes an entry from a registry server.json, with clear errors for bad requests', async () => {
    const serverJson = {
      name: 'io.example/tracker',
      description: 'Tracker',
      version: '2.0.0',
      remotes: [
        { type: 'sse', url: 'https://tracker.example/sse', headers: [{ name: 'X-Api-Key', isRequired: true, isSecret: true }] },
      ],
    };
    const res = await as(teamAdmin).post('/api/catalog/drafts', { serverJson }).expect(200);
    expect(res.body).toMatchObject({ name: 'io.example/tracker', version: '2.0.0', transport: { type: 'sse' }, problems: [] });
    expect(res.body.config.team.headers).toEqual([{ name: 'X-Api-Key', type: 'secret', required: true }]);
    await request(t.http).post('/api/catalog/drafts').send({ serverJson }).expect(401);
    expect((await as(admin).post('/api/catalog/drafts', {}).expect(400)).body.details[0].field).toBe('claudeDesktopConfig');
    const several = { mcpServers: { a: { command: 'x' }, b: { command: 'y' } } };
    expect((await as(admin).post('/api/catalog/drafts', { claudeDesktopConfig: several }).expect(400)).body.details).toEqual([
      { field: 'serverKey', message: 'choose one of: a, b' },
    ]);
  });

  it('adds versions that become the latest', async () => {
    const id = (await as(admin).get('/api/catalog/servers?q=server-filesystem').expect(200)).body.items[0].id as string;
    await as(admin)
      .post(`/api/catalog/servers/${id}/versions`, {
        version: '2026.9.1',
        transport: filesystemEntry().transport,
        config: filesystemEntry().config,
      })
      .expect(201);
    expect((await as(admin).get(`/api/catalog/servers/${id}`).expect(200)).body.latestVersion).toBe('2026.9.1');
    // A backport added later does not become the latest.
    await as(admin)
      .post(`/api/catalog/servers/${id}/versions`, {
        version: '2026.1.1',
        transport: filesystemEntry().transport,
        config: filesystemEntry().config,
      })
      .expect(201);
    expect((await as(admin).get(`/api/catalog/servers/${id}`).expect(200)).body.latestVersion).toBe('2026.9.1');
    const versions = (await as(admin).get(`/api/catalog/servers/${id}/versions`).expect(200)).body.items as {
      version: string;
      isLatest: boolean;
    }[];
    expect(versions.filter((v) => v.isLatest).map((v) => v.version)).toEqual(['2026.9.1']);
  });

  it('refuses team ids that do not exist', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    await as(admin)
      .post('/api/catalog/servers', remoteEntry({ name: 'io.example/ghost', teamId: ghost }))
      .expect(404);
    const res = await as(admin)
      .post(
        '/api/catalog/servers',
        filesystemEntry({ name: 'io.example/ghost2', availability: { allTeams: false, teamIds: [ghost] } }),
      )
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'availability.teamIds', message: `no team has the id ${ghost}` }]);
  });

  it('validates updates field by field', async () => {
    const id = (await as(admin).get('/api/catalog/servers?q=server-filesystem').expect(200)).body.items[0].id as string;
    const res = await as(admin)
      .patch(`/api/catalog/servers/${id}`, { title: '', tags: ['Not OK'], status: 'gone', extra: 1 })
      .expect(400);
    expect((res.body as ErrorResponse).details!.map((d) => d.field).sort()).toEqual(['extra', 'status', 'tags', 'title']);
    expect(
      (
        await as(admin)
          .patch(`/api/catalog/servers/${id}`, { featured: true, tags: ['files'] })
          .expect(200)
      ).body,
    ).toMatchObject({ featured: true, tags: ['files'] });
  });
});

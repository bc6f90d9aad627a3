import type { InstallationDto } from '@orbit/contracts';
import request from 'supertest';
import { RuntimeConfigService } from '../../modules/installations/runtime-config.service.js';
import { remoteEntry } from '../factories/catalog.js';
import { ADMIN, createTeamVia, startTestApp, type TestApp } from '../support/test-app.js';

describe('installation version upgrades on MariaDB', () => {
  let t: TestApp;
  let teamAdmin: string;
  let teamId: string;

  beforeAll(async () => {
    t = await startTestApp();
    teamAdmin = await t.login(ADMIN.email, ADMIN.password);
    teamId = await createTeamVia(t.http, teamAdmin, 'Upgrade team');
  });

  afterAll(async () => {
    await t?.close();
  });

  const as = (token: string) => ({
    get: (path: string) => request(t.http).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => request(t.http).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => request(t.http).patch(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => request(t.http).put(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const base = () => `/api/teams/${teamId}/installations`;

  it('upgrades a version by carrying values over by key, never across a secret/plain change, and reports what is missing', async () => {
    const v1 = {
      template: {},
      team: {
        env: [
          { name: 'TOKEN', type: 'secret', required: true },
          { name: 'REGION', type: 'string' },
        ],
      },
      user: { env: [{ name: 'FOO', type: 'string' }] },
    };
    const entry = (
      await as(teamAdmin).post(
        '/api/catalog/servers',
        remoteEntry({
          name: 'io.example/upgrade',
          teamId,
          transport: { type: 'stdio', command: 'npx', package: { registryType: 'npm', identifier: 'x' } },
          config: v1 as never,
          tags: [],
        }),
      )
    ).body as { id: string };
    const created = (
      await as(teamAdmin).post(base(), {
        serverId: entry.id,
        version: '1.0.0',
        config: { env: { TOKEN: 'tok', REGION: 'eu' } },
        locks: { 'env.FOO': false },
      })
    ).body as InstallationDto;
    expect(created.status).toBe('ready');
    await as(teamAdmin).put(`${base()}/${created.id}/user-config`, { env: { FOO: 'plain-foo' } });
    const v2 = {
      template: {},
      team: {
        env: [
          { name: 'REGION', type: 'string' },
          { name: 'NEW', type: 'string', required: true },
        ],
      },
      user: { env: [{ name: 'FOO', type: 'secret' }] },
    };
    await as(teamAdmin).post(`/api/catalog/servers/${entry.id}/versions`, {
      version: '2.0.0',
      transport: { type: 'stdio', command: 'npx', package: { registryType: 'npm', identifier: 'x' } },
      config: v2,
    });
    const upgraded = (await as(teamAdmin).patch(`${base()}/${created.id}`, { version: '2.0.0' })).body as InstallationDto;
    expect(upgraded).toMatchObject({
      version: '2.0.0',
      status: 'incomplete',
      missing: ['env.NEW'],
      config: { env: { REGION: 'eu' } },
    });
    const mine = (await as(teamAdmin).get(`${base()}/${created.id}/user-config`)).body as { values: unknown };
    expect(mine.values).toEqual({}); // FOO became a secret: its plain value was not carried over
    const state = await t.app.get(RuntimeConfigService).teamState(teamId);
    expect(state.find((i) => i.id === created.id)?.error).toBeUndefined();
  });
});

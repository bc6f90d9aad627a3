import type { InstallationDto } from '@orbit/contracts';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { rotateSealedValues } from '../../core/vault/rotate-sealed.js';
import { Vault } from '../../core/vault/vault.js';
import { filesystemEntry } from '../factories/catalog.js';
import { TEST_ENCRYPTION_KEY } from '../support/test-config.js';
import { ADMIN, createTeamVia, startTestApp, type TestApp } from '../support/test-app.js';

const OLD = { id: TEST_ENCRYPTION_KEY.split(':')[0]!, key: Buffer.from(TEST_ENCRYPTION_KEY.split(':')[1]!, 'base64') };
const NEW = { id: 'k2', key: randomBytes(32) };
const SEALED = /v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+/g;

describe('vault key rotation on MariaDB', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('re-encrypts every secret under the newest key while the API keeps writing, and each still opens', async () => {
    const teamId = await createTeamVia(t.http, admin, 'Rotation team');
    const entry = filesystemEntry();
    entry.config.user.env = [
      { name: 'DEBUG', type: 'boolean', default: 'false' },
      { name: 'PERSONAL_TOKEN', type: 'secret' },
    ];
    const serverId = (
      await request(t.http).post('/api/catalog/servers').set('Authorization', `Bearer ${admin}`).send(entry).expect(201)
    ).body.id as string;
    const installations: InstallationDto[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await request(t.http)
        .post(`/api/teams/${teamId}/installations`)
        .set('Authorization', `Bearer ${admin}`)
        .send({
          serverId,
          version: '2026.8.31',
          slug: `fs-${i}`,
          config: { env: { SHARED_API_KEY: `team-secret-${i}`, PERSONAL_TOKEN: `team-default-${i}` } },
        })
        .expect(201);
      installations.push(res.body as InstallationDto);
      await request(t.http)
        .put(`/api/teams/${teamId}/installations/${(res.body as InstallationDto).id}/user-config`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ env: { PERSONAL_TOKEN: `mine-${i}` } })
        .expect(200);
    }
    const db = t.app.get(DataSource);
    const dump = async () =>
      JSON.stringify([await db.query('SELECT * FROM installations'), await db.query('SELECT * FROM user_configs')]);
    expect((await dump()).match(SEALED)?.every((v) => v.startsWith(`v1:${OLD.id}:`))).toBe(true);

    // Writes keep landing (sealed with the old key by the running app) while the rotation runs in small batches.
    let writes = 0;
    let rotating = true;
    const writer = (async () => {
      while (rotating) {
        const target = installations[writes % installations.length]!;
        await request(t.http)
          .patch(`/api/teams/${teamId}/installations/${target.id}`)
          .set('Authorization', `Bearer ${admin}`)
          .send({ config: { env: { SHARED_API_KEY: `team-secret-${writes % installations.length}` } } })
          .expect(200);
        writes++;
      }
    })();
    const rotator = new Vault([NEW, OLD]);
    const first = await rotateSealedValues(db, rotator, { batchSize: 5 });
    rotating = false;
    await writer;
    expect(writes).toBeGreaterThan(0);
    expect(first.find((r) => r.table === 'installations')?.valuesResealed).toBeGreaterThanOrEqual(24);
    expect(first.find((r) => r.table === 'user_configs')?.valuesResealed).toBe(12);
    // The authorization server's signing and cookie keys are sealed settings: they move to the new key too.
    expect(first.find((r) => r.table === 'system_settings')?.valuesResealed).toBe(2);
    // Values the app wrote with the old key during the run are picked up by a second pass, as an operator would run it.
    await rotateSealedValues(db, rotator, { batchSize: 5 });

    const sealed = (await dump()).match(SEALED) ?? [];
    expect(sealed.length).toBeGreaterThanOrEqual(36);
    expect(sealed.filter((v) => !v.startsWith('v1:k2:'))).toEqual([]);
    // Only the new key is needed now: every value opens with a ring that no longer holds the old one.
    const newOnly = new Vault([NEW]);
    for (const { name, value } of await db.query<{ name: string; value: string }[]>(
      "SELECT name, value FROM system_settings WHERE name LIKE 'oauth.%'",
    )) {
      expect(() => newOnly.open(value, { table: 'system_settings', rowId: name, field: 'value' })).not.toThrow();
    }
    const rows = await db.query<{ id: string; team_values: string }[]>('SELECT id, team_values FROM installations');
    for (const row of rows) {
      const values = JSON.parse(row.team_values) as { env: Record<string, string> };
      const index = Number(installations.find((i) => i.id === row.id)!.slug.slice(3));
      expect(
        newOnly.open(values.env['SHARED_API_KEY']!, { table: 'installations', rowId: row.id, field: 'env.SHARED_API_KEY' }),
      ).toBe(`team-secret-${index}`);
      expect(
        newOnly.open(values.env['PERSONAL_TOKEN']!, { table: 'installations', rowId: row.id, field: 'env.PERSONAL_TOKEN' }),
      ).toBe(`team-default-${index}`);
    }
  });
});

import type { AuditEventDto, CurrentUser, Page } from '@orbit/contracts';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { postFrom } from '../support/http-from.js';
import { ADMIN, addMemberVia, createTeamVia, createUserVia, startTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'Tr0ub4dor-and-3x!';

describe('identity on MariaDB', () => {
  let t: TestApp;
  let admin: string;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '8',
      LOGIN_THROTTLE_WINDOW: '60',
    });
    admin = await t.login(ADMIN.email, ADMIN.password);
    port = (t.http.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await t?.close();
  });

  const as = (token: string) => ({
    get: (path: string) => request(t.http).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => request(t.http).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => request(t.http).patch(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => request(t.http).put(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => request(t.http).delete(path).set('Authorization', `Bearer ${token}`),
  });

  describe('bad input', () => {
    it('answers 409 with a message for a duplicate email, whatever its case', async () => {
      await createUserVia(t.http, admin, { email: 'dup@example.com' });
      const res = await as(admin).post('/api/users', { email: 'DUP@example.com', name: 'Again' }).expect(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        code: 'duplicate',
        message: 'A user with email dup@example.com already exists',
      });
    });

    it('answers 400 saying why a password is weak', async () => {
      const res = await as(admin)
        .post('/api/users', { email: 'weak@example.com', name: 'Weak', password: 'aaaaaaaaaaaa' })
        .expect(400);
      expect(res.body.details).toEqual([{ field: 'password', message: 'password must use at least 5 different characters' }]);
      const short = await as(admin)
        .post('/api/users', { email: 'weak@example.com', name: 'Weak', password: 'Sh0rt!' })
        .expect(400);
      expect(short.body.details).toEqual([{ field: 'password', message: 'password must be at least 12 characters long' }]);
    });

    it('rejects unknown fields with 400 naming them', async () => {
      const res = await as(admin).post('/api/users', { email: 'x@example.com', name: 'X', isAdmin: true }).expect(400);
      expect(res.body.details).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist' }]);
    });

    it('stores and returns SQL-looking strings verbatim', async () => {
      const name = "'; DROP TABLE users; --";
      const user = await as(admin).post('/api/users', { email: 'bobby@example.com', name }).expect(201);
      expect(user.body.name).toBe(name);
      expect((await as(admin).get(`/api/users/${user.body.id}`).expect(200)).body.name).toBe(name);
      const team = await as(admin).post('/api/teams', { name }).expect(201);
      expect((await as(admin).get(`/api/teams/${team.body.id}`).expect(200)).body.name).toBe(name);
      expect((await as(admin).get('/api/users?q=bobby').expect(200)).body.total).toBe(1);
    });

    it('answers 404 for malformed and unknown ids', async () => {
      await as(admin).get('/api/users/not-a-uuid').expect(404);
      await as(admin).get('/api/teams/00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('sign-in throttling', () => {
    it('slows a burst of wrong passwords from one address while the real user signs in from another', async () => {
      await createUserVia(t.http, admin, { email: 'alice@example.com', password: PASSWORD });
      for (let i = 0; i < 3; i++) {
        expect(
          (await postFrom('127.0.0.2', port, '/api/auth/login', { email: 'alice@example.com', password: `wrong-${i}` })).status,
        ).toBe(401);
      }
      const blocked = await postFrom('127.0.0.2', port, '/api/auth/login', { email: 'alice@example.com', password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // The account is not locked: Alice, elsewhere, gets in.
      expect(
        (await postFrom('127.0.0.3', port, '/api/auth/login', { email: 'alice@example.com', password: PASSWORD })).status,
      ).toBe(200);
    });

    it('slows one address that tries many accounts', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        statuses.push(
          (await postFrom('127.0.0.4', port, '/api/auth/login', { email: `spray-${i}@example.com`, password: 'guess-guess-1' }))
            .status,
        );
      }
      expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
      expect(statuses.slice(8)).toEqual([429, 429]);
    });
  });

  describe('console sessions', () => {
    async function loginWithCookie(email: string, password: string) {
      const res = await request(t.http).post('/api/auth/login').send({ email, password }).expect(200);
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('orbit_rt='))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      return { token: res.body.accessToken as string, cookie: cookie.split(';')[0]! };
    }

    it('rotates the refresh cookie and revokes the session when an old one is replayed', async () => {
      await createUserVia(t.http, admin, { email: 'carol@example.com', password: PASSWORD });
      const first = await loginWithCookie('carol@example.com', PASSWORD);
      const refreshed = await request(t.http).post('/api/auth/refresh').set('Cookie', first.cookie).expect(200);
      const rotated = ([] as string[])
        .concat(refreshed.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('orbit_rt='))!
        .split(';')[0]!;
      expect(rotated).not.toBe(first.cookie);
      await as(refreshed.body.accessToken as string)
        .get('/api/me')
        .expect(200);
      // Replaying the rotated-out cookie ends the whole session, including the newest tokens.
      await request(t.http).post('/api/auth/refresh').set('Cookie', first.cookie).expect(401);
      await request(t.http).post('/api/auth/refresh').set('Cookie', rotated).expect(401);
      await as(refreshed.body.accessToken as string)
        .get('/api/me')
        .expect(401);
    });

    it('ends the session on logout', async () => {
      const s = await loginWithCookie('carol@example.com', PASSWORD);
      await request(t.http)
        .post('/api/auth/logout')
        .set('Cookie', s.cookie)
        .set('Authorization', `Bearer ${s.token}`)
        .expect(204);
      await as(s.token).get('/api/me').expect(401);
      await request(t.http).post('/api/auth/refresh').set('Cookie', s.cookie).expect(401);
    });

    it('ends every session of a user who is disabled', async () => {
      const id = await createUserVia(t.http, admin, { email: 'dave@example.com', password: PASSWORD });
      const token = await t.login('dave@example.com', PASSWORD);
      await as(admin).patch(`/api/users/${id}`, { disabled: true }).expect(200);
      await as(token).get('/api/me').expect(401);
      expect((await request(t.http).post('/api/auth/login').send({ email: 'dave@example.com', password: PASSWORD })).status).toBe(
        401,
      );
    });

    it('changes the password, keeping this session and ending the others', async () => {
      await createUserVia(t.http, admin, { email: 'erin@example.com', password: PASSWORD });
      const current = await t.login('erin@example.com', PASSWORD);
      const other = await t.login('erin@example.com', PASSWORD);
      const wrong = await as(current)
        .put('/api/me/password', { currentPassword: 'nope', newPassword: 'c0rrect-St4ple-9!' })
        .expect(400);
      expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: 'currentPassword is not your current password' }]);
      const weak = await as(current).put('/api/me/password', { currentPassword: PASSWORD, newPassword: 'short' }).expect(400);
      expect(weak.body.details[0].field).toBe('newPassword');
      await as(current).put('/api/me/password', { currentPassword: PASSWORD, newPassword: 'c0rrect-St4ple-9!' }).expect(204);
      await as(current).get('/api/me').expect(200);
      await as(other).get('/api/me').expect(401);
      await t.login('erin@example.com', 'c0rrect-St4ple-9!');
    });
  });

  describe('teams', () => {
    it('gives every user a personal team that cannot be deleted or get other members', async () => {
      await createUserVia(t.http, admin, { email: 'frank@example.com', password: PASSWORD });
      const frank = await t.login('frank@example.com', PASSWORD);
      const me = (await as(frank).get('/api/me').expect(200)).body as CurrentUser;
      const personal = me.teams.find((team) => team.personal)!;
      expect(personal.role).toBe('team_admin');
      const add = await as(frank)
        .post(`/api/teams/${personal.teamId}/members`, { email: 'alice@example.com', role: 'team_user' })
        .expect(409);
      expect(add.body.code).toBe('personal_team');
      expect((await as(frank).delete(`/api/teams/${personal.teamId}`).expect(409)).body.code).toBe('personal_team');
    });

    it('keeps at least one team admin', async () => {
      const teamId = await createTeamVia(t.http, admin, 'Solo admin team');
      const me = (await as(admin).get('/api/me')).body as { id: string };
      expect((await as(admin).patch(`/api/teams/${teamId}/members/${me.id}`, { role: 'team_user' }).expect(409)).body.code).toBe(
        'last_team_admin',
      );
      expect((await as(admin).delete(`/api/teams/${teamId}/members/${me.id}`).expect(409)).body.code).toBe('last_team_admin');
    });

    it('enforces member limits, which only global admins set', async () => {
      await createUserVia(t.http, admin, { email: 'gina@example.com', password: PASSWORD });
      const gina = await t.login('gina@example.com', PASSWORD);
      const teamId = await createTeamVia(t.http, gina, 'Limited');
      expect(
        (
          await as(gina)
            .patch(`/api/teams/${teamId}`, { limits: { maxMembers: 1 } })
            .expect(403)
        ).body.message,
      ).toBe('Only global admins may change team limits');
      await as(admin)
        .patch(`/api/teams/${teamId}`, { limits: { maxMembers: 1 } })
        .expect(200);
      const full = await as(gina)
        .post(`/api/teams/${teamId}/members`, { email: 'alice@example.com', role: 'team_user' })
        .expect(409);
      expect(full.body.code).toBe('limit_exceeded');
    });

    it('bumps the config version on membership changes', async () => {
      const teamId = await createTeamVia(t.http, admin, 'Versioned');
      const before = (await as(admin).get(`/api/teams/${teamId}`)).body.configVersion as number;
      await addMemberVia(t.http, admin, teamId, 'alice@example.com', 'team_user');
      expect((await as(admin).get(`/api/teams/${teamId}`)).body.configVersion).toBe(before + 1);
    });
  });

  describe('audit', () => {
    it('records who did what, never a password, and shows each caller only what they may see', async () => {
      const teamA = await createTeamVia(t.http, admin, 'Audit A');
      const teamB = await createTeamVia(t.http, admin, 'Audit B');
      await createUserVia(t.http, admin, { email: 'hank@example.com', password: PASSWORD });
      await createUserVia(t.http, admin, { email: 'ivy@example.com', password: PASSWORD });
      await addMemberVia(t.http, admin, teamA, 'hank@example.com', 'team_admin');
      await addMemberVia(t.http, admin, teamA, 'ivy@example.com', 'team_user');
      await addMemberVia(t.http, admin, teamB, 'alice@example.com', 'team_user');
      const hank = await t.login('hank@example.com', PASSWORD);
      const ivy = await t.login('ivy@example.com', PASSWORD);
      await as(hank).patch(`/api/teams/${teamA}`, { name: 'Audit A renamed' }).expect(200);

      const all = (await as(admin).get('/api/audit?limit=100').expect(200)).body;
      expect(JSON.stringify(all)).not.toContain(PASSWORD);
      const rename = (all as Page<AuditEventDto>).items.find((e) => e.action === 'team.update' && e.teamId === teamA);
      expect(rename).toMatchObject({
        actor: { email: 'hank@example.com' },
        before: { name: 'Audit A' },
        after: { name: 'Audit A renamed' },
      });
      expect(rename?.requestId).toEqual(expect.any(String));

      const hankView = (await as(hank).get(`/api/audit?limit=100`).expect(200)).body.items as {
        teamId: string | null;
        actor: { email: string };
      }[];
      expect(hankView.length).toBeGreaterThan(0);
      expect(hankView.every((e) => e.teamId === teamA || e.actor.email === 'hank@example.com')).toBe(true);
      expect(hankView.some((e) => e.teamId === teamB)).toBe(false);

      const ivyView = (await as(ivy).get('/api/audit?limit=100').expect(200)).body.items as { actor: { email: string } }[];
      expect(ivyView.every((e) => e.actor.email === 'ivy@example.com')).toBe(true);
      // A filter on a foreign team still answers 200, with nothing in it.
      expect((await as(ivy).get(`/api/audit?teamId=${teamB}`).expect(200)).body.items).toEqual([]);
    });

    it('filters by action and time, and pages with a cursor', async () => {
      const page1 = (await as(admin).get('/api/audit?action=user.create&limit=2').expect(200)).body as Page<AuditEventDto>;
      expect(page1.items).toHaveLength(2);
      expect(page1.items.every((e) => e.action === 'user.create')).toBe(true);
      const page2 = (await as(admin).get(`/api/audit?action=user.create&limit=2&cursor=${page1.nextCursor}`).expect(200)).body;
      expect(page2.items[0].id).not.toBe(page1.items[0]!.id);
      expect(Number(page2.items[0].id)).toBeLessThan(Number(page1.items[1]!.id));
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect(
        (
          await as(admin)
            .get(`/api/audit?from=${encodeURIComponent(future)}`)
            .expect(200)
        ).body.items,
      ).toEqual([]);
      expect((await as(admin).get('/api/audit?from=yesterday').expect(400)).body.details[0].field).toBe('from');
    });

    it('records failed sign-ins', async () => {
      await request(t.http).post('/api/auth/login').send({ email: 'alice@example.com', password: 'not-it' }).expect(401);
      const events = (await as(admin).get('/api/audit?action=auth.login.failed').expect(200)).body.items;
      expect(events[0]).toMatchObject({ actor: { email: 'alice@example.com' } });
    });
  });
});

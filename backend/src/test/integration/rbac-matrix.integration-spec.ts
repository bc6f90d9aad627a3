import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { hasPermission, type GlobalRole, type TeamRole } from '@orbit/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SyncRun } from '../../modules/registry/sync-run.entity.js';
import request from 'supertest';
import { ACCESS_RULE, type AccessRule } from '../../core/auth/access.decorator.js';
import { remoteEntry } from '../factories/catalog.js';
import { ADMIN, addMemberVia, createTeamVia, createUserVia, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The RBAC matrix: every route the router registered × six principals, each with the status its access rule and the
 * role table in libs/contracts predict. Nothing here lists routes by hand: a new route is covered (and must declare
 * a rule) the moment it is registered.
 */
type Principal = 'anonymous' | 'global_admin' | 'global_user' | 'team_admin_A' | 'team_user_A' | 'team_admin_B';
const PRINCIPALS: Principal[] = ['anonymous', 'global_admin', 'global_user', 'team_admin_A', 'team_user_A', 'team_admin_B'];
const ROLE_OF: Record<Exclude<Principal, 'anonymous'>, { globalRole: GlobalRole; teamRoleInA?: TeamRole }> = {
  global_admin: { globalRole: 'global_admin' },
  global_user: { globalRole: 'global_user' },
  team_admin_A: { globalRole: 'global_user', teamRoleInA: 'team_admin' },
  team_user_A: { globalRole: 'global_user', teamRoleInA: 'team_user' },
  team_admin_B: { globalRole: 'global_user' },
};

interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

type Outcome = 'allowed' | 401 | 403 | 404;

const METHOD_NAMES: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.PATCH]: 'PATCH',
};

function expected(route: Route, who: Principal): Outcome | 'any' {
  const rule = route.rule;
  if (!rule || rule.kind === 'public') return 'any';
  if (rule.kind === 'satellite') return 401; // a user's token is never a satellite credential
  if (who === 'anonymous') return 401;
  const { globalRole, teamRoleInA } = ROLE_OF[who];
  if (rule.teamParam !== undefined || rule.resource !== undefined) {
    // Team routes, and routes on a resource owned by team A (the fixtures make every such resource team A's).
    const permission = rule.resource?.permission ?? rule.permission;
    if (globalRole !== 'global_admin' && teamRoleInA === undefined) return 404; // team A is foreign: not even 403
    if (!permission) return 'allowed';
    return hasPermission({ globalRole, teamRole: teamRoleInA }, permission) ? 'allowed' : 403;
  }
  if (!rule.permission) return 'allowed';
  return hasPermission({ globalRole }, rule.permission) ? 'allowed' : 403;
}

function outcomeOf(status: number): 'allowed' | number {
  if (status === 401 || status === 403 || status === 404) return status;
  // Past the guard: success, a validation error or a state conflict all mean access was granted.
  return status < 400 || status === 400 || status === 409 ? 'allowed' : status;
}

describe('RBAC matrix over every registered route', () => {
  let t: TestApp;
  let routes: Route[];
  const tokens = new Map<Principal, string>();
  const emails = new Map<Principal, string>();
  let adminToken: string;
  const unique = () => randomBytes(4).toString('hex');

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await t.login(ADMIN.email, ADMIN.password);
    tokens.set('global_admin', adminToken);
    emails.set('global_admin', ADMIN.email);
    for (const who of ['global_user', 'team_admin_A', 'team_user_A', 'team_admin_B'] as const) {
      const email = `${who.toLowerCase().replace(/_/g, '-')}@example.com`;
      await createUserVia(t.http, adminToken, { email, password: 'matrix-pass-Q7w!e9' });
      emails.set(who, email);
      tokens.set(who, await t.login(email, 'matrix-pass-Q7w!e9'));
    }
    const teamB = await createTeamVia(t.http, adminToken, 'Team B');
    await addMemberVia(t.http, adminToken, teamB, emails.get('team_admin_B')!, 'team_admin');

    // Routes as registered with express, joined with the access rule Nest holds for each handler.
    const rules = new Map<string, AccessRule | undefined>();
    const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
    for (const wrapper of controllers) {
      const metatype = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!metatype) continue;
      const base = String(Reflect.getMetadata('path', metatype) ?? '');
      for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
        const handler = (metatype.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata('path', handler) === undefined) continue;
        const method = METHOD_NAMES[Reflect.getMetadata('method', handler) as RequestMethod] ?? 'OTHER';
        const path = `/api/${base}/${String(Reflect.getMetadata('path', handler))}`.replace(/\/+/g, '/').replace(/\/$/, '');
        const rule = (Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, metatype)) as
          AccessRule | undefined;
        rules.set(`${method} ${path}`, rule);
      }
    }
    const router = (
      t.app.getHttpAdapter().getInstance() as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      }
    ).router;
    routes = router.stack
      .filter((layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((m) => {
          const method = m.toUpperCase();
          const path = layer.route!.path;
          return { method, path, rule: rules.get(`${method} ${path}`) };
        }),
      );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('finds the routes, and every one declares @Public() or @Authenticated()', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => r.rule === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  /** Fresh fixtures per request, so destructive calls never change what the next request sees. */
  async function fixtures(who: Principal) {
    // Team A is created by its team admin, so the global admin is not a member: it acts through its global role.
    const teamAdminA = tokens.get('team_admin_A')!;
    const teamA = await createTeamVia(t.http, teamAdminA, `Team A ${unique()}`);
    await addMemberVia(t.http, teamAdminA, teamA, emails.get('team_user_A')!, 'team_user');
    const memberEmail = `member-${unique()}@example.com`;
    const memberId = await createUserVia(t.http, adminToken, { email: memberEmail });
    await addMemberVia(t.http, teamAdminA, teamA, memberEmail, 'team_user');
    const outsiderEmail = `outsider-${unique()}@example.com`;
    const victimId = await createUserVia(t.http, adminToken, { email: outsiderEmail });
    const entry = await request(t.http)
      .post('/api/catalog/servers')
      .set('Authorization', `Bearer ${adminToken}`)
      .send(remoteEntry({ name: `io.example/matrix-${unique()}`, teamId: teamA }));
    if (entry.status !== 201) throw new Error(`fixture entry: ${entry.status} ${JSON.stringify(entry.body)}`);
    const installation = await request(t.http)
      .post(`/api/teams/${teamA}/installations`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({
        serverId: entry.body.id as string,
        version: '1.0.0',
        config: { headers: { token: 't' }, url: { tenant: 'acme' } },
      });
    if (installation.status !== 201)
      throw new Error(`fixture installation: ${installation.status} ${JSON.stringify(installation.body)}`);
    // An OAuth client in team A, owned by the caller when it is a member there (members manage their own clients).
    const clientOwner = who === 'team_user_A' || who === 'team_admin_A' ? tokens.get(who)! : teamAdminA;
    const client = await request(t.http)
      .post(`/api/teams/${teamA}/oauth-clients`)
      .set('Authorization', `Bearer ${clientOwner}`)
      .send({ name: `matrix ${unique()}` });
    if (client.status !== 201) throw new Error(`fixture client: ${client.status} ${JSON.stringify(client.body)}`);
    // A finished registry sync run to read.
    const runId = randomUUID();
    await t.app.get(DataSource).getRepository(SyncRun).insert({
      id: runId,
      status: 'succeeded',
      mode: 'full',
      trigger: 'manual',
      updatedSince: null,
      cursor: null,
      skipped: '[]',
      warnings: '[]',
      estimatedTotal: null,
      error: null,
      startedAt: new Date(),
      finishedAt: new Date(),
    });
    const versions = await request(t.http)
      .get(`/api/catalog/servers/${entry.body.id as string}/versions`)
      .set('Authorization', `Bearer ${adminToken}`);
    return {
      versionId: (versions.body as { items: { id: string }[] }).items[0]!.id,
      runId,
      clientId: client.body.clientId as string,
      teamA,
      memberId,
      outsiderEmail,
      victimId,
      serverId: entry.body.id as string,
      installationId: installation.body.id as string,
    };
  }

  function bodyFor(route: Route, f: Awaited<ReturnType<typeof fixtures>>): object {
    const key = `${route.method} ${route.path}`;
    const bodies: Record<string, object> = {
      'POST /api/users': { email: `new-${unique()}@example.com`, name: 'New' },
      'PATCH /api/users/:userId': { name: 'Renamed' },
      'POST /api/teams': { name: `Created ${unique()}` },
      'PATCH /api/teams/:teamId': { name: 'Renamed team' },
      'POST /api/teams/:teamId/members': { email: f.outsiderEmail, role: 'team_user' },
      'PATCH /api/teams/:teamId/members/:userId': { role: 'team_admin' },
      'PATCH /api/me': { name: 'Me again' },
      'PUT /api/me/password': { currentPassword: 'not-my-password', newPassword: 'whatever-Strong-9!' },
      'POST /api/auth/login': { email: 'nobody@example.com', password: 'x' },
      'PATCH /api/catalog/servers/:serverId': { title: 'Renamed entry' },
      'PATCH /api/teams/:teamId/installations/:installationId': { disabled: true },
      'PUT /api/teams/:teamId/installations/:installationId/user-config': { queryParams: { project: 'p' } },
      'PATCH /api/teams/:teamId/installations/:installationId/tools': { disabled: ['delete_everything'] },
      'POST /api/teams/:teamId/oauth-clients': { name: `made ${unique()}` },
      'PATCH /api/catalog/servers/:serverId/versions/:versionId': { config: remoteEntry().config },
      'POST /api/oauth/interactions/:uid/consent': { teamId: f.teamA },
      'POST /api/catalog/servers/:serverId/versions': {
        version: `9.0.${unique()}`,
        transport: remoteEntry().transport,
        config: remoteEntry().config,
      },
    };
    return bodies[key] ?? {};
  }

  it('gives every principal the status its role predicts, and nobody a cross-team read or write', async () => {
    const table: string[][] = [];
    const mismatches: string[] = [];
    const readFixtures = new Map<Principal, Awaited<ReturnType<typeof fixtures>>>();
    for (const route of routes) {
      const row = [`${route.method} ${route.path}`];
      for (const who of PRINCIPALS) {
        // Public routes answer the same to everyone; logging out a principal would end its session.
        if (route.rule?.kind === 'public' && who !== 'anonymous') {
          row.push('·');
          continue;
        }
        // Reads change nothing, so they share one set of fixtures per principal; writes get fresh ones.
        let f = route.method === 'GET' ? readFixtures.get(who) : undefined;
        if (!f) {
          f = await fixtures(who);
          if (route.method === 'GET') readFixtures.set(who, f);
        }
        const path = route.path
          .replace(':serverId', f.serverId)
          .replace(':installationId', f.installationId)
          .replace(':teamId', f.teamA)
          .replace(':clientId', f.clientId)
          .replace(':runId', f.runId)
          .replace(':versionId', f.versionId)
          .replace(':uid', 'unknownInteraction0123')
          .replace(':userId', route.path.startsWith('/api/teams/') ? f.memberId : f.victimId);
        const token = tokens.get(who);
        let req = request(t.http)[route.method.toLowerCase() as 'get'](path).redirects(0);
        if (token) req = req.set('Authorization', `Bearer ${token}`);
        const res = route.method === 'GET' || route.method === 'DELETE' ? await req : await req.send(bodyFor(route, f));
        const want = expected(route, who);
        const got = outcomeOf(res.status);
        // An interaction is bound to the browser that started it (the provider's cookie), which the matrix doesn't
        // hold: past the guard, its routes answer 404 to everyone.
        const interaction = route.path.includes(':uid') && want === 'allowed' && res.status === 404;
        const ok = want === 'any' ? res.status !== 403 && res.status < 500 : got === want || interaction;
        if (!ok)
          mismatches.push(
            `${who} ${route.method} ${path}: expected ${String(want)}, got ${res.status} ${JSON.stringify(res.body)}`,
          );
        row.push(`${res.status}${ok ? '' : '✗'}`);
      }
      table.push(row);
    }
    const widths = [Math.max(...table.map((r) => r[0]!.length)), ...PRINCIPALS.map((p) => p.length)];
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
    process.stdout.write(
      `\nRBAC matrix (status per principal; · = public route, not repeated)\n${line(['route', ...PRINCIPALS])}\n${table.map(line).join('\n')}\n`,
    );
    expect(mismatches).toEqual([]);
  }, 600_000);
});

import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { TeamRole } from '@orbit/contracts';
import { AppException } from '../errors/app.exception.js';
import { Authenticated, Public } from './access.decorator.js';
import { AccessGuard, type Authenticator } from './access.guard.js';
import type { AuthContext } from './auth-context.js';

const TEAM_A = '11111111-1111-4111-8111-111111111111';
const TEAM_B = '22222222-2222-4222-8222-222222222222';

class Routes {
  @Public()
  open(): void {}

  @Authenticated()
  anyone(): void {}

  @Authenticated({ permission: 'users:manage' })
  users(): void {}

  @Authenticated({ permission: 'installations:manage', teamParam: 'teamId' })
  install(): void {}

  undeclared(): void {}
}

function caller(globalRole: 'global_admin' | 'global_user', memberships: [string, TeamRole][] = []): AuthContext {
  return { user: { id: 'u', email: 'u@example.com', name: 'U', globalRole }, sessionId: 's', memberships: new Map(memberships) };
}

function guardFor(auth: AuthContext | null): AccessGuard {
  const authenticator: Authenticator = {
    authenticate: () => Promise.resolve(auth),
    authenticateSatellite: () => Promise.resolve(null),
    teamExists: (id) => Promise.resolve(id === TEAM_A || id === TEAM_B),
  };
  return new AccessGuard(new Reflector(), authenticator);
}

function context(method: keyof Routes, params: Record<string, string> = {}, token = true): ExecutionContext {
  const request = { method: 'GET', path: '/x', params, headers: token ? { authorization: 'Bearer t' } : {} };
  return {
    getHandler: () => Routes.prototype[method],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

async function statusOf(guard: AccessGuard, ctx: ExecutionContext): Promise<number> {
  try {
    await guard.canActivate(ctx);
    return 200;
  } catch (error) {
    return ({ unauthorized: 401, forbidden: 403, not_found: 404 } as Record<string, number>)[(error as AppException).code] ?? 500;
  }
}

describe('AccessGuard', () => {
  it('lets public routes through without a token', async () => {
    expect(await statusOf(guardFor(null), context('open', {}, false))).toBe(200);
  });

  it('refuses a route that declares no rule, even to a global admin', async () => {
    expect(await statusOf(guardFor(caller('global_admin')), context('undeclared'))).toBe(403);
  });

  it('answers 401 without a valid token', async () => {
    expect(await statusOf(guardFor(null), context('anyone'))).toBe(401);
    expect(await statusOf(guardFor(caller('global_user')), context('anyone', {}, false))).toBe(401);
  });

  it('checks global permissions', async () => {
    expect(await statusOf(guardFor(caller('global_user')), context('users'))).toBe(403);
    expect(await statusOf(guardFor(caller('global_admin')), context('users'))).toBe(200);
  });

  it('hides foreign teams behind 404 and checks the role in a known one', async () => {
    expect(
      await statusOf(guardFor(caller('global_user', [[TEAM_B, 'team_admin']])), context('install', { teamId: TEAM_A })),
    ).toBe(404);
    expect(await statusOf(guardFor(caller('global_user', [[TEAM_A, 'team_user']])), context('install', { teamId: TEAM_A }))).toBe(
      403,
    );
    expect(
      await statusOf(guardFor(caller('global_user', [[TEAM_A, 'team_admin']])), context('install', { teamId: TEAM_A })),
    ).toBe(200);
  });

  it('lets global admins act on any existing team, and 404s unknown or malformed team ids', async () => {
    expect(await statusOf(guardFor(caller('global_admin')), context('install', { teamId: TEAM_B }))).toBe(200);
    expect(
      await statusOf(guardFor(caller('global_admin')), context('install', { teamId: '33333333-3333-4333-8333-333333333333' })),
    ).toBe(404);
    expect(await statusOf(guardFor(caller('global_admin')), context('install', { teamId: 'not-a-uuid' }))).toBe(404);
  });
});

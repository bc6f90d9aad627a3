import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { GlobalRole, Permission, TeamRole } from '@orbit/contracts';
import { hasPermission } from '@orbit/contracts';
import { AppException, ErrorCode } from '../errors/app.exception.js';

/** Who is calling: set by the access guard on every authenticated request. */
export interface AuthContext {
  user: { id: string; email: string; name: string; globalRole: GlobalRole };
  sessionId: string;
  /** teamId → the caller's role there. */
  memberships: ReadonlyMap<string, TeamRole>;
}

export type RequestWithAuth = { auth?: AuthContext };

export function isGlobalAdmin(auth: AuthContext): boolean {
  return auth.user.globalRole === 'global_admin';
}

/** Whether the caller holds a permission, in a team when one is given. */
export function can(auth: AuthContext, permission: Permission, teamId?: string): boolean {
  const teamRole = teamId === undefined ? undefined : auth.memberships.get(teamId);
  return hasPermission({ globalRole: auth.user.globalRole, teamRole }, permission);
}

/** Injects the AuthContext of an authenticated route. */
export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<RequestWithAuth>().auth;
  if (!auth) throw new AppException(ErrorCode.Unauthorized, 'Authentication required');
  return auth;
});

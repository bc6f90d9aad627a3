import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, TEAM_SCOPED_PERMISSIONS } from '@orbit/contracts';
import type { Request } from 'express';
import { AppException, ErrorCode } from '../errors/app.exception.js';
import { isId } from '../ids.js';
import { currentRequestContext } from '../request-context.js';
import { ACCESS_RULE, type AccessRule } from './access.decorator.js';
import type { AuthContext, RequestWithAuth } from './auth-context.js';

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');

/** Implemented by the auth module: turns a bearer token into a caller, and answers whether a team exists. */
export interface Authenticator {
  authenticate(token: string): Promise<AuthContext | null>;
  authenticateSatellite(token: string): Promise<SatelliteContext | null>;
  teamExists(teamId: string): Promise<boolean>;
}

/** A satellite calling the control plane. */
export interface SatelliteContext {
  id: string;
  kind: 'global' | 'team';
  teamId: string | null;
}

export type RequestWithSatellite = { satellite?: SatelliteContext };

/**
 * The one global guard. Deny by default: a route without an access rule is refused; an authenticated route needs a
 * valid bearer token of an enabled user; team routes need membership (404 otherwise: a foreign team's existence is
 * not revealed) and the permission through the caller's role in that team (403 otherwise).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<Request & RequestWithAuth>();
    if (!rule) {
      const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
      this.logger.error(`${request.method} ${route} declares no access rule: refused`);
      throw new AppException(ErrorCode.Forbidden, 'This route is not available');
    }
    if (rule.kind === 'public') return true;

    const token = bearerToken(request);
    if (rule.kind === 'satellite') {
      const satellite = token ? await this.authenticator.authenticateSatellite(token) : null;
      if (!satellite) throw new AppException(ErrorCode.Unauthorized, 'A valid satellite credential is required');
      (request as RequestWithSatellite).satellite = satellite;
      return true;
    }
    const auth = token ? await this.authenticator.authenticate(token) : null;
    if (!auth) throw new AppException(ErrorCode.Unauthorized, 'Authentication required');
    request.auth = auth;
    const ctx = currentRequestContext();
    if (ctx) ctx.actor = { id: auth.user.id, email: auth.user.email };

    if (rule.teamParam !== undefined) {
      const teamId = request.params[rule.teamParam];
      const member = typeof teamId === 'string' && auth.memberships.has(teamId);
      const visible =
        isId(teamId) && (member || (auth.user.globalRole === 'global_admin' && (await this.authenticator.teamExists(teamId))));
      if (!visible) throw AppException.notFound('Team');
      if (
        rule.permission &&
        !hasPermission({ globalRole: auth.user.globalRole, teamRole: auth.memberships.get(teamId) }, rule.permission)
      ) {
        throw new AppException(ErrorCode.Forbidden, 'Your role in this team does not allow this');
      }
      return true;
    }
    if (rule.permission) {
      if (TEAM_SCOPED_PERMISSIONS.has(rule.permission) && auth.user.globalRole !== 'global_admin') {
        // A team permission without a team parameter is a programming error; fail closed.
        throw new AppException(ErrorCode.Forbidden, 'You are not allowed to do this');
      }
      if (!hasPermission({ globalRole: auth.user.globalRole }, rule.permission)) {
        throw new AppException(ErrorCode.Forbidden, 'You are not allowed to do this');
      }
    }
    return true;
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

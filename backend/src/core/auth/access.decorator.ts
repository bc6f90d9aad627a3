import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@orbit/contracts';

export const ACCESS_RULE = 'orbit:access';

/**
 * What a route requires. Every route declares exactly one rule: the guard refuses a route with none, and a test
 * walks every registered route to prove it.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'satellite' }
  | { kind: 'authenticated'; permission?: Permission; teamParam?: string; resource?: ResourceScope };

/**
 * A route acting on a team-owned resource named by a path parameter (a team-private catalog entry, say). The service
 * resolves the resource's team and applies `permission` there (404 to non-members); the RBAC matrix test checks
 * that declaration against the running application.
 */
export interface ResourceScope {
  param: string;
  permission: Permission;
}

/** Opts a route out of authentication. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

export interface AuthenticatedOptions {
  /** Required permission; without one any signed-in, enabled user may call the route. */
  permission?: Permission;
  /**
   * The route parameter holding a team id. The caller's role in that team decides team permissions, and a team
   * the caller is not in answers 404 (a global admin may act on every team).
   */
  teamParam?: string;
  resource?: ResourceScope;
}

export const Authenticated = (options: AuthenticatedOptions = {}): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'authenticated', ...options } satisfies AccessRule);

/** A route for satellites: authenticated by a satellite credential (`Authorization: Bearer orbit_sat_…`), not a user. */
export const SatelliteOnly = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'satellite' } satisfies AccessRule);

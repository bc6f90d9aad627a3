import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@orbit/contracts';

export const ACCESS_RULE = 'orbit:access';

/**
 * What a route requires. Every route declares exactly one rule: the guard refuses a route with none, and a test
 * walks every registered route to prove it.
 */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated'; permission?: Permission; teamParam?: string };

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
}

export const Authenticated = (options: AuthenticatedOptions = {}): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'authenticated', ...options } satisfies AccessRule);

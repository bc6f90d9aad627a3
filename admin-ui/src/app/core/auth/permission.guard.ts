import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { Permission } from '@orbit/contracts';
import { AuthStore } from './auth-store';

/** Lets through callers holding `permission` (through their global role or any team role); others go home. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return () => inject(AuthStore).can(permission) || inject(Router).createUrlTree(['/']);
}

import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { Permission } from '@orbit/contracts';
import { AuthStore } from './auth-store';

/**
 * Lets through callers holding one of `permissions` (through their global role or any team role); others go home.
 */
export function permissionGuard(...permissions: [Permission, ...Permission[]]): CanActivateFn {
  return () => {
    const auth = inject(AuthStore);
    return permissions.some((p) => auth.can(p)) || inject(Router).createUrlTree(['/']);
  };
}

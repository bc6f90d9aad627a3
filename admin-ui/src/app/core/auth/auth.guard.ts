import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthStore } from './auth-store';

/** Sends signed-out visitors to the login page, remembering where they were going. */
export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthStore).user()) return true;
  return inject(Router).createUrlTree(['/login'], state.url === '/' ? {} : { queryParams: { returnUrl: state.url } });
};

import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthStore } from './auth-store';

/**
 * Adds the in-memory access token to API calls. When the short-lived token has expired (401), renews it once from
 * the refresh cookie and retries; when the session is over, sends the user to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  const token = auth.accessToken();
  if (!token || !req.url.startsWith('/api/') || req.url.startsWith('/api/auth/')) return next(req);
  return next(req.clone({ setHeaders: { Authorization: `Bearer ${token}` } })).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) return throwError(() => error);
      return from(auth.renew()).pipe(
        switchMap((renewed) => {
          if (!renewed) {
            void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
            return throwError(() => error);
          }
          return next(req.clone({ setHeaders: { Authorization: `Bearer ${renewed}` } }));
        }),
      );
    }),
  );
};

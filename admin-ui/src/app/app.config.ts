import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { provideAppInitializer, provideBrowserGlobalErrorListeners, inject, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthStore } from './core/auth/auth-store';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideRouter(routes, withComponentInputBinding()),
    // Restore a session from the refresh cookie before the first route decides where to go.
    provideAppInitializer(() => inject(AuthStore).restore()),
  ],
};

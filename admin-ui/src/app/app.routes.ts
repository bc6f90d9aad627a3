import type { Routes } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';
import { permissionGuard } from './core/auth/permission.guard';

export const routes: Routes = [
  { path: 'login', title: 'Sign in · Orbit', loadComponent: () => import('./login/login-page').then((m) => m.LoginPage) },
  {
    // Where the OAuth authorization server sends the browser: full-page like the login page, but signed in.
    path: 'oauth/consent/:uid',
    title: 'Allow access · Orbit',
    canActivate: [authGuard],
    loadComponent: () => import('./oauth-consent/consent-page').then((m) => m.ConsentPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [
      { path: '', title: 'Orbit', loadComponent: () => import('./home/home-page').then((m) => m.HomePage) },
      { path: 'profile', loadChildren: () => import('./profile/profile.routes').then((m) => m.PROFILE_ROUTES) },
      {
        path: 'users',
        canActivate: [permissionGuard('users:manage')],
        loadChildren: () => import('./users/users.routes').then((m) => m.USERS_ROUTES),
      },
      { path: 'teams', loadChildren: () => import('./teams/teams.routes').then((m) => m.TEAMS_ROUTES) },
      { path: 'catalog', loadChildren: () => import('./catalog/catalog.routes').then((m) => m.CATALOG_ROUTES) },
      {
        path: 'installations',
        canActivate: [permissionGuard('installations:read')],
        loadChildren: () => import('./installations/installations.routes').then((m) => m.INSTALLATIONS_ROUTES),
      },
      { path: 'connect', loadChildren: () => import('./connect/connect.routes').then((m) => m.CONNECT_ROUTES) },
      {
        path: 'oauth-clients',
        canActivate: [permissionGuard('oauth-clients:manage-all')],
        loadChildren: () => import('./oauth-clients/oauth-clients.routes').then((m) => m.ALL_OAUTH_CLIENTS_ROUTES),
      },
      {
        path: 'registry',
        canActivate: [permissionGuard('registry:manage')],
        loadChildren: () => import('./registry/registry.routes').then((m) => m.REGISTRY_ROUTES),
      },
      { path: 'audit', loadChildren: () => import('./audit/audit.routes').then((m) => m.AUDIT_ROUTES) },
    ],
  },
  { path: '**', redirectTo: '' },
];

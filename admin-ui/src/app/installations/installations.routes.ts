import type { Routes } from '@angular/router';
import { permissionGuard } from '../core/auth/permission.guard';

/** `/installations`: the installations of one of the caller's teams at a time. */
export const INSTALLATIONS_ROUTES: Routes = [
  {
    path: '',
    title: 'Installations · Orbit',
    loadComponent: () => import('./installations-page/installations-page').then((m) => m.InstallationsPage),
  },
];

/** Under `/teams/:teamId`: installing, one installation, and the caller's own settings for it. */
export const TEAM_INSTALLATION_ROUTES: Routes = [
  {
    path: 'install/:serverId',
    title: 'Install · Orbit',
    canActivate: [permissionGuard('installations:manage')],
    loadComponent: () => import('./install-wizard/install-wizard').then((m) => m.InstallWizard),
  },
  {
    path: 'installations/:installationId',
    title: 'Installation · Orbit',
    loadComponent: () => import('./installation-page/installation-page').then((m) => m.InstallationPage),
  },
  {
    path: 'installations/:installationId/my-config',
    title: 'My configuration · Orbit',
    loadComponent: () => import('./my-config/my-config-page').then((m) => m.MyConfigPage),
  },
];

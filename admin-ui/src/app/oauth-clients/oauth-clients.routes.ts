import type { Routes } from '@angular/router';
import { permissionGuard } from '../core/auth/permission.guard';

/** `/oauth-clients`: every client, for global admins (the app routes guard it with `oauth-clients:manage-all`). */
export const ALL_OAUTH_CLIENTS_ROUTES: Routes = [
  {
    path: '',
    title: 'OAuth clients · Orbit',
    loadComponent: () => import('./all-oauth-clients-page/all-oauth-clients-page').then((m) => m.AllOAuthClientsPage),
  },
];

/**
 * Under `/teams/:teamId/oauth-clients`: the team's clients (team admins) or the caller's own ones (members). The API
 * asks for `oauth-clients:manage-own`, held through a membership only: global admins outside the team use
 * `/oauth-clients`.
 */
export const TEAM_OAUTH_CLIENTS_ROUTES: Routes = [
  {
    path: '',
    title: 'OAuth clients · Orbit',
    canActivate: [permissionGuard('oauth-clients:manage-own')],
    loadComponent: () => import('./team-oauth-clients-page/team-oauth-clients-page').then((m) => m.TeamOAuthClientsPage),
  },
];

import type { Routes } from '@angular/router';

export const TEAMS_ROUTES: Routes = [
  { path: '', title: 'Teams · Orbit', loadComponent: () => import('./teams-page').then((m) => m.TeamsPage) },
  {
    path: ':teamId',
    title: 'Team · Orbit',
    loadComponent: () => import('./team-page/team-page').then((m) => m.TeamPage),
  },
  {
    path: ':teamId/oauth-clients',
    loadChildren: () => import('../oauth-clients/oauth-clients.routes').then((m) => m.TEAM_OAUTH_CLIENTS_ROUTES),
  },
  {
    // A team's installation pages; `:teamId` alone is the team page above.
    path: ':teamId',
    loadChildren: () => import('../installations/installations.routes').then((m) => m.TEAM_INSTALLATION_ROUTES),
  },
];

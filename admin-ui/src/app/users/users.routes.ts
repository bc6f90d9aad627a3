import type { Routes } from '@angular/router';

export const USERS_ROUTES: Routes = [
  { path: '', title: 'Users · Orbit', loadComponent: () => import('./users-page').then((m) => m.UsersPage) },
];

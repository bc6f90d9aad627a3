import type { Routes } from '@angular/router';

export const PROFILE_ROUTES: Routes = [
  { path: '', title: 'Profile · Orbit', loadComponent: () => import('./profile-page').then((m) => m.ProfilePage) },
];

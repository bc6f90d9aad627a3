import type { Routes } from '@angular/router';

/** `/registry` (global admins; the app routes guard it with `registry:manage`): sync runs and one run's details. */
export const REGISTRY_ROUTES: Routes = [
  {
    path: '',
    title: 'Registry sync · Orbit',
    loadComponent: () => import('./registry-page/registry-page').then((m) => m.RegistryPage),
  },
  {
    path: 'runs/:runId',
    title: 'Sync run · Orbit',
    loadComponent: () => import('./run-detail/run-detail').then((m) => m.RunDetail),
  },
];

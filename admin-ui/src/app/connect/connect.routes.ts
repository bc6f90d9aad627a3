import type { Routes } from '@angular/router';

export const CONNECT_ROUTES: Routes = [
  { path: '', title: 'Connect a client · Orbit', loadComponent: () => import('./connect-page').then((m) => m.ConnectPage) },
];

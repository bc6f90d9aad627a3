import type { Routes } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';

export const routes: Routes = [
  { path: 'login', title: 'Sign in · Orbit', loadComponent: () => import('./login/login-page').then((m) => m.LoginPage) },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [{ path: '', title: 'Orbit', loadComponent: () => import('./home/home-page').then((m) => m.HomePage) }],
  },
  { path: '**', redirectTo: '' },
];

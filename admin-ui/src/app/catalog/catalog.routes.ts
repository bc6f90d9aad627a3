import type { Routes } from '@angular/router';
import { permissionGuard } from '../core/auth/permission.guard';

const canEditEntries = permissionGuard('catalog:manage-global', 'catalog:manage-team');

export const CATALOG_ROUTES: Routes = [
  { path: '', title: 'Catalog · Orbit', loadComponent: () => import('./catalog-page/catalog-page').then((m) => m.CatalogPage) },
  {
    path: 'new',
    title: 'New catalog entry · Orbit',
    canActivate: [canEditEntries],
    loadComponent: () => import('./entry-editor/entry-editor').then((m) => m.EntryEditor),
  },
  {
    path: ':serverId',
    title: 'Catalog entry · Orbit',
    loadComponent: () => import('./entry-detail/entry-detail').then((m) => m.EntryDetail),
  },
  {
    path: ':serverId/edit',
    title: 'Edit catalog entry · Orbit',
    canActivate: [canEditEntries],
    loadComponent: () => import('./entry-editor/entry-editor').then((m) => m.EntryEditor),
  },
];

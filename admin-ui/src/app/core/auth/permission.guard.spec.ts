import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { signIn } from '../../testing/auth-testing';
import { permissionGuard } from './permission.guard';

@Component({ template: 'page' })
class Page {}

describe('permissionGuard', () => {
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: '', component: Page },
          { path: 'users', component: Page, canActivate: [permissionGuard('users:manage')] },
          { path: 'members', component: Page, canActivate: [permissionGuard('team:members:manage')] },
          {
            path: 'catalog-new',
            component: Page,
            canActivate: [permissionGuard('catalog:manage-global', 'catalog:manage-team')],
          },
        ]),
      ],
    });
    router = TestBed.inject(Router);
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lets a global admin open the users page', async () => {
    await signIn({ globalRole: 'global_admin' });
    await router.navigateByUrl('/users');
    expect(router.url).toBe('/users');
  });

  it('sends a plain user home instead of the users page', async () => {
    await signIn({ globalRole: 'global_user' });
    await router.navigateByUrl('/users');
    expect(router.url).toBe('/');
  });

  it('counts a permission held through a team role', async () => {
    await signIn({ teams: [{ teamId: 't1', teamName: 'Ops', role: 'team_admin', personal: false }] });
    await router.navigateByUrl('/members');
    expect(router.url).toBe('/members');
  });

  it('lets through a caller holding any one of several permissions', async () => {
    await signIn({ teams: [{ teamId: 't1', teamName: 'Ops', role: 'team_admin', personal: false }] });
    await router.navigateByUrl('/catalog-new');
    expect(router.url).toBe('/catalog-new');
  });

  it('sends home a caller holding none of them', async () => {
    await signIn({ teams: [{ teamId: 't1', teamName: 'Ops', role: 'team_user', personal: false }] });
    await router.navigateByUrl('/catalog-new');
    expect(router.url).toBe('/');
  });
});

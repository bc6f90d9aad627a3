import type { Permission } from '@orbit/contracts';
import { permissionsOf } from '@orbit/contracts';
import { NAV_ITEMS, navTestId, visibleNavItems, type NavItem } from './navigation';

const items: NavItem[] = [
  { label: 'Home', icon: 'home', path: '/' },
  { label: 'Users', icon: 'group', path: '/users', permission: 'users:manage' },
  { label: 'Installations', icon: 'apps', path: '/installations', permission: 'installations:read' },
];

describe('visibleNavItems', () => {
  it('shows a team user only what their role may reach', () => {
    const labels = visibleNavItems(items, permissionsOf('global_user', ['team_user'])).map((i) => i.label);
    expect(labels).toEqual(['Home', 'Installations']);
  });

  it('shows a global admin everything', () => {
    expect(visibleNavItems(items, permissionsOf('global_admin', []))).toHaveLength(3);
  });

  it('shows nothing gated to a caller without permissions', () => {
    expect(visibleNavItems(items, new Set<Permission>()).map((i) => i.label)).toEqual(['Home']);
  });
});

describe('NAV_ITEMS', () => {
  it('offers Users, all OAuth clients and Registry sync only to global admins, Installations to team members, and the rest to everyone', () => {
    const paths = (globalRole: 'global_admin' | 'global_user', teamRoles: ('team_admin' | 'team_user')[] = []) =>
      visibleNavItems(NAV_ITEMS, permissionsOf(globalRole, teamRoles)).map((i) => i.path);
    expect(paths('global_user')).toEqual(['/', '/teams', '/catalog', '/connect', '/audit']);
    expect(paths('global_user', ['team_user'])).toEqual(['/', '/teams', '/catalog', '/installations', '/connect', '/audit']);
    expect(paths('global_admin')).toEqual([
      '/',
      '/teams',
      '/catalog',
      '/installations',
      '/connect',
      '/users',
      '/oauth-clients',
      '/registry',
      '/audit',
    ]);
  });

  it('names each link for its path', () => {
    expect(NAV_ITEMS.map(navTestId)).toEqual([
      'nav-home',
      'nav-teams',
      'nav-catalog',
      'nav-installations',
      'nav-connect',
      'nav-users',
      'nav-oauth-clients',
      'nav-registry',
      'nav-audit',
    ]);
  });
});

import type { Permission } from '@orbit/contracts';
import { permissionsOf } from '@orbit/contracts';
import { visibleNavItems, type NavItem } from './navigation';

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

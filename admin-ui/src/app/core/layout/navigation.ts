import type { Permission } from '@orbit/contracts';

export interface NavItem {
  label: string;
  icon: string;
  path: string;
  /** Shown only to callers holding this permission; absent means every signed-in user. */
  permission?: Permission;
}

/**
 * The side navigation. Each feature adds its entry here with the permission its API requires, so a role never
 * sees a link to a page the backend would refuse.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', icon: 'home', path: '/' },
  { label: 'Teams', icon: 'groups', path: '/teams' },
  { label: 'Catalog', icon: 'apps', path: '/catalog' },
  { label: 'Installations', icon: 'extension', path: '/installations', permission: 'installations:read' },
  { label: 'Connect a client', icon: 'cable', path: '/connect' },
  { label: 'Users', icon: 'manage_accounts', path: '/users', permission: 'users:manage' },
  { label: 'OAuth clients', icon: 'key', path: '/oauth-clients', permission: 'oauth-clients:manage-all' },
  { label: 'Registry sync', icon: 'cloud_sync', path: '/registry', permission: 'registry:manage' },
  { label: 'Audit log', icon: 'history', path: '/audit' },
];

/** The `data-testid` of a nav link: `nav-users` for `/users`, `nav-home` for `/`. */
export function navTestId(item: NavItem): string {
  return `nav-${item.path.replace(/^\//, '').replace(/\//g, '-') || 'home'}`;
}

export function visibleNavItems(items: readonly NavItem[], permissions: ReadonlySet<Permission>): NavItem[] {
  return items.filter((item) => item.permission === undefined || permissions.has(item.permission));
}

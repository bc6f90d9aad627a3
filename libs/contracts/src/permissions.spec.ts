import {
  GLOBAL_ROLE_PERMISSIONS,
  PERMISSIONS,
  TEAM_ROLE_PERMISSIONS,
  TEAM_SCOPED_PERMISSIONS,
  hasPermission,
} from './permissions.js';

describe('permission table', () => {
  it('grants only permissions that exist', () => {
    const known = new Set<string>(PERMISSIONS);
    const granted = [...Object.values(GLOBAL_ROLE_PERMISSIONS), ...Object.values(TEAM_ROLE_PERMISSIONS)].flat();
    expect(granted.filter((p) => !known.has(p))).toEqual([]);
  });

  it('gives team users read access but no installation or member management', () => {
    const subject = { globalRole: 'global_user' as const, teamRole: 'team_user' as const };
    expect(hasPermission(subject, 'installations:read')).toBe(true);
    expect(hasPermission(subject, 'installations:manage')).toBe(false);
    expect(hasPermission(subject, 'team:members:manage')).toBe(false);
    expect(hasPermission(subject, 'user-config:manage-own')).toBe(true);
  });

  it('lets team admins manage their team but nothing platform-wide', () => {
    const subject = { globalRole: 'global_user' as const, teamRole: 'team_admin' as const };
    expect(hasPermission(subject, 'installations:manage')).toBe(true);
    expect(hasPermission(subject, 'catalog:manage-global')).toBe(false);
    expect(hasPermission(subject, 'users:manage')).toBe(false);
    expect(hasPermission(subject, 'registry:manage')).toBe(false);
  });

  it('lets global admins act as team admin on any team without holding user-private config', () => {
    const admin = { globalRole: 'global_admin' as const };
    expect(hasPermission(admin, 'installations:manage')).toBe(true);
    expect(hasPermission(admin, 'team:members:manage')).toBe(true);
    expect(hasPermission(admin, 'user-config:manage-own')).toBe(false);
  });

  it('denies a signed-in user with no membership every team-scoped permission', () => {
    const outsider = { globalRole: 'global_user' as const };
    const granted = [...TEAM_SCOPED_PERMISSIONS].filter((p) => hasPermission(outsider, p));
    expect(granted).toEqual([]);
  });
});

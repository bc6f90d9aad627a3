/**
 * The one role → permission table. Backend guards and the console's navigation both read it,
 * so a role can never see a button for something the API would refuse.
 */
export const GLOBAL_ROLES = ['global_admin', 'global_user'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

export const TEAM_ROLES = ['team_admin', 'team_user'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const PERMISSIONS = [
  // platform-wide (granted by the global role)
  'users:manage',
  'teams:create',
  'teams:read-all',
  'catalog:manage-global',
  'catalog:manage-stdio-command',
  'oauth-clients:manage-all',
  'satellites:manage',
  'registry:manage',
  'audit:read-all',
  'usage:read-all',
  // within one team (granted by the membership role; global admins hold them on every team)
  'team:read',
  'team:update',
  'team:delete',
  'team:members:read',
  'team:members:manage',
  'catalog:read',
  'catalog:manage-team',
  'installations:read',
  'installations:manage',
  'user-config:manage-own',
  'oauth-clients:manage-own',
  'oauth-clients:manage-team',
  'satellites:manage-team',
  'audit:read-team',
  'usage:read-team',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const TEAM_USER: readonly Permission[] = [
  'team:read',
  'team:members:read',
  'catalog:read',
  'installations:read',
  'user-config:manage-own',
  'oauth-clients:manage-own',
];

const TEAM_ADMIN: readonly Permission[] = [
  ...TEAM_USER,
  'team:update',
  'team:delete',
  'team:members:manage',
  'catalog:manage-team',
  'installations:manage',
  'oauth-clients:manage-team',
  'satellites:manage-team',
  'audit:read-team',
  'usage:read-team',
];

export const TEAM_ROLE_PERMISSIONS: Readonly<Record<TeamRole, readonly Permission[]>> = {
  team_admin: TEAM_ADMIN,
  team_user: TEAM_USER,
};

export const GLOBAL_ROLE_PERMISSIONS: Readonly<Record<GlobalRole, readonly Permission[]>> = {
  global_admin: [
    'users:manage',
    'teams:create',
    'teams:read-all',
    'catalog:manage-global',
    'catalog:manage-stdio-command',
    'oauth-clients:manage-all',
    'satellites:manage',
    'registry:manage',
    'audit:read-all',
    'usage:read-all',
    // A global admin acts as team admin on every team, but never holds a user's own config.
    ...TEAM_ADMIN.filter((p) => p !== 'user-config:manage-own' && p !== 'oauth-clients:manage-own'),
  ],
  // Whether plain users may create teams is a deployment setting (TEAM_CREATION); the default allows it.
  global_user: ['teams:create'],
};

/** Permissions that only make sense relative to one team (the caller's membership decides). */
export const TEAM_SCOPED_PERMISSIONS: ReadonlySet<Permission> = new Set(TEAM_ADMIN.concat(TEAM_USER));

export interface PermissionSubject {
  globalRole: GlobalRole;
  /** The caller's role in the team being acted on, if any. */
  teamRole?: TeamRole | undefined;
}

/** Whether a subject holds a permission, either globally or through its role in the team at hand. */
export function hasPermission(subject: PermissionSubject, permission: Permission): boolean {
  if (GLOBAL_ROLE_PERMISSIONS[subject.globalRole].includes(permission)) return true;
  return subject.teamRole !== undefined && TEAM_ROLE_PERMISSIONS[subject.teamRole].includes(permission);
}

/** Everything a user holds anywhere: their global permissions plus those of every team role they have. */
export function permissionsOf(globalRole: GlobalRole, teamRoles: readonly TeamRole[]): Set<Permission> {
  return new Set<Permission>([...GLOBAL_ROLE_PERMISSIONS[globalRole], ...teamRoles.flatMap((r) => TEAM_ROLE_PERMISSIONS[r])]);
}

import type { GlobalRole, TeamRole } from '@orbit/contracts';

export const GLOBAL_ROLE_LABELS: Readonly<Record<GlobalRole, string>> = {
  global_admin: 'Global admin',
  global_user: 'User',
};

export const TEAM_ROLE_LABELS: Readonly<Record<TeamRole, string>> = {
  team_admin: 'Team admin',
  team_user: 'Team user',
};

/** For templates whose row variables are untyped (mat-table cells). */
export function teamRoleLabel(role: TeamRole | undefined): string {
  return role ? TEAM_ROLE_LABELS[role] : '—';
}

import type { GlobalRole, TeamRole } from './permissions.js';

/** Users, teams, memberships and audit events as the API answers them (never database rows). */

export interface UserDto {
  id: string;
  email: string;
  name: string;
  globalRole: GlobalRole;
  disabled: boolean;
  /** Whether the account can sign in with a password (SSO-only accounts cannot). */
  hasPassword: boolean;
  ssoLinked: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  /** Omit for an SSO-only account. */
  password?: string;
  globalRole?: GlobalRole;
}

export interface UpdateUserRequest {
  name?: string;
  globalRole?: GlobalRole;
  disabled?: boolean;
}

export interface UpdateMeRequest {
  name: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface TeamLimits {
  /** null: no limit. */
  maxMembers: number | null;
  maxInstallations: number | null;
}

export interface TeamDto {
  id: string;
  name: string;
  slug: string;
  personal: boolean;
  configVersion: number;
  limits: TeamLimits;
  memberCount: number;
  /** The caller's role in this team, absent when a global admin views a team they are not in. */
  myRole?: TeamRole;
  createdAt: string;
  updatedAt: string;
}

export interface CreateTeamRequest {
  name: string;
  slug?: string;
}

export interface UpdateTeamRequest {
  name?: string;
  /** Global admins only. */
  limits?: Partial<TeamLimits>;
}

export interface MemberDto {
  userId: string;
  email: string;
  name: string;
  role: TeamRole;
  joinedAt: string;
}

export interface AddMemberRequest {
  email: string;
  role: TeamRole;
}

export interface UpdateMemberRequest {
  role: TeamRole;
}

export interface AuditEventDto {
  id: string;
  time: string;
  actor: { id: string | null; email: string | null };
  action: string;
  target: { type: string; id: string | null };
  teamId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditQuery {
  teamId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface AuthSettingsDto {
  sso: { enabled: boolean; label: string };
  teamCreation: 'everyone' | 'admins';
}

/** Codes the SSO callback puts in `/login?error=…`, each with a message the console shows. */
export const SSO_ERROR_MESSAGES = {
  sso_denied: 'Sign-in was cancelled at the identity provider.',
  sso_state: 'The sign-in link expired or was tampered with. Please start again.',
  sso_unavailable: 'The identity provider could not be reached. Try again in a moment.',
  sso_not_allowed: 'Your organisation account is not allowed to sign in to Orbit. Ask an administrator.',
  sso_email_unverified: 'Your identity provider has not verified your email address, so it cannot be linked to an Orbit account.',
  sso_disabled: 'This account is disabled.',
  sso_not_configured: 'Single sign-on is not configured.',
} as const;
export type SsoErrorCode = keyof typeof SSO_ERROR_MESSAGES;

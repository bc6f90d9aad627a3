import type { GlobalRole, TeamRole } from './permissions.js';

/** Shapes of the public HTTP API shared by the backend, the console and tests. */

export type CheckStatus = 'ok' | 'error';

export interface HealthResponse {
  status: CheckStatus;
  checks: { db: CheckStatus; redis: CheckStatus };
}

export interface FieldError {
  field: string;
  message: string;
}

/** Every error the API answers: `details` carries field messages for 400s, `code` names a 409's conflict. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: FieldError[];
  requestId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor?: string;
}

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export const MASKED_SECRET = '*****';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface TeamMembershipSummary {
  teamId: string;
  teamName: string;
  role: TeamRole;
  personal: boolean;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  globalRole: GlobalRole;
  teams: TeamMembershipSummary[];
}

export interface LoginResponse {
  accessToken: string;
  user: CurrentUser;
}

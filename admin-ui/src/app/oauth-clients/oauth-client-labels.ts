import type { OAuthClientKind } from '@orbit/contracts';

const GRANT_LABELS: Readonly<Record<string, string>> = {
  client_credentials: 'Client credentials',
  authorization_code: 'Authorization code',
  refresh_token: 'Refresh token',
};

/** For templates whose row variables are untyped (mat-table cells); an unknown grant shows as the API names it. */
export function grantLabel(grant: string): string {
  return GRANT_LABELS[grant] ?? grant;
}

const KIND_LABELS: Readonly<Record<OAuthClientKind, string>> = {
  console: 'Console',
  dynamic: 'Self-registered',
};

export function kindLabel(kind: OAuthClientKind): string {
  return KIND_LABELS[kind] ?? kind;
}

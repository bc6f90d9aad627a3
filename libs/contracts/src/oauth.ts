/**
 * OAuth for MCP clients: the console's client management, the consent interaction, and what satellites need to
 * verify access tokens (claims, revocation entries). The backend is the authorization server (DESIGN, "OAuth for
 * MCP clients").
 */

/** Grants a client created in the console may hold. `refresh_token` comes with `authorization_code`. */
export const OAUTH_CONSOLE_GRANTS = ['client_credentials', 'authorization_code'] as const;
export type OAuthConsoleGrant = (typeof OAUTH_CONSOLE_GRANTS)[number];

/** The one scope Orbit grants: use the team's MCP endpoints. */
export const MCP_SCOPE = 'mcp';

/** Prefix of the client secrets Orbit issues, so secret scanners can find leaks. */
export const CLIENT_SECRET_PREFIX = 'orbit_cs_';

/**
 * Where a client came from: made in the console (per user and team, may hold a secret), registered dynamically
 * (RFC 7591, public), or known by its client ID metadata document (an https URL; never stored here).
 */
export type OAuthClientKind = 'console' | 'dynamic';

/** `POST /api/teams/:teamId/oauth-clients`. Without `grantTypes` the client gets `client_credentials`. */
export interface CreateOAuthClientRequest {
  name: string;
  grantTypes?: OAuthConsoleGrant[];
  /** Required with `authorization_code`: exact https URIs, loopback `http://127.0.0.1/...` (any port), or allowed private-use schemes. */
  redirectUris?: string[];
}

export interface OAuthClientDto {
  clientId: string;
  name: string;
  kind: OAuthClientKind;
  /** Owner and team: set for console clients; dynamic clients get a team per authorization, at consent. */
  teamId: string | null;
  teamName: string | null;
  ownerId: string | null;
  ownerEmail: string | null;
  grantTypes: string[];
  redirectUris: string[];
  applicationType: 'web' | 'native';
  /** `client_secret_basic`/`client_secret_post` for confidential clients, `none` for public ones. */
  tokenEndpointAuthMethod: string;
  hasSecret: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Answer to create and rotate-secret: the secret is shown this once and stored hashed. */
export interface OAuthClientWithSecretDto extends OAuthClientDto {
  clientSecret: string | null;
}

/** `GET /api/oauth/interactions/:uid`: what the consent page shows. */
export interface OAuthInteractionDto {
  uid: string;
  client: {
    clientId: string;
    name: string;
    /** Host of the redirect URI the code will be sent to (with port), the thing the user must recognise. */
    redirectHost: string;
    redirectUri: string;
    kind: OAuthClientKind | 'metadata-document';
  };
  scopes: string[];
  /** The satellite the client asked for (`resource`), when it named one. */
  resource: string | null;
  /** Teams the user may pick: the client's own team for a console client, else every team of the user. */
  teams: { id: string; name: string; slug: string; mcpUrl: string }[];
}

/** `POST /api/oauth/interactions/:uid/consent`. */
export interface OAuthConsentRequest {
  teamId: string;
}

/** Where the browser goes next: back to the authorization endpoint, which redirects to the client. */
export interface OAuthInteractionResultDto {
  redirectTo: string;
}

/** `GET /api/teams/:teamId/connect`: what a developer pastes into an MCP client. */
export interface ConnectInfoDto {
  teamId: string;
  /** The `/mcp` URL of the satellite group that serves the team: the MCP endpoint and the tokens' audience. */
  mcpUrl: string;
  /** The authorization server (issuer). */
  issuer: string;
}

/**
 * Claims of an Orbit access token (JWT, `typ: at+jwt`, ES256). `sub` is the user (for client_credentials the
 * client's owner); `team` is the team id; `aud` is the satellite group's `/mcp` URL.
 */
export interface OrbitAccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  team: string;
  client_id: string;
  scope: string;
  jti: string;
  exp: number;
  iat: number;
}

/**
 * One revocation entry: tokens matching it are refused until `expiresAt` (after which every token it could match has
 * expired anyway). `jti`: one access token; `client`: every token of a client; `user`: every token of a user in one
 * team (`teamId`), or in every team when `teamId` is null.
 */
export interface RevocationEntry {
  kind: 'jti' | 'client' | 'user';
  value: string;
  teamId: string | null;
  /**
   * Tokens issued before this instant match; one issued at or after it (a re-added user, a new secret) does not. It is
   * always a whole second, and the backend answers the revoking request only once it has passed, so that `iat`
   * (whole seconds) tells before from after.
   */
  revokedAt: string;
  expiresAt: string;
}

/** `GET /api/satellite/revocations` and the `revocation` job's payload. */
export interface RevocationFeed {
  entries: RevocationEntry[];
}

/** Whether a verified token's claims match a revocation entry. Shared by satellites and tests. */
export function isRevoked(
  claims: Pick<OrbitAccessTokenClaims, 'jti' | 'client_id' | 'sub' | 'team' | 'iat'>,
  entries: readonly RevocationEntry[],
  now = Date.now(),
): boolean {
  for (const entry of entries) {
    if (Date.parse(entry.expiresAt) <= now) continue;
    if (claims.iat * 1000 >= Date.parse(entry.revokedAt)) continue;
    if (entry.kind === 'jti' && entry.value === claims.jti) return true;
    if (entry.kind === 'client' && entry.value === claims.client_id) return true;
    if (entry.kind === 'user' && entry.value === claims.sub && (entry.teamId === null || entry.teamId === claims.team))
      return true;
  }
  return false;
}

import { MCP_SCOPE, type OrbitAccessTokenClaims } from '@orbit/contracts';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  type RemoteJWKSetOptions,
} from 'jose';
import { AccessTokenError } from './access-token-error.js';
import type { RevocationList } from './revocation-list.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

/** Where the signing keys come from: the backend's JWKS in production, a fixed set in tests. */
export type AccessTokenKeys = JWTVerifyGetKey;

/**
 * The backend's `/oauth/jwks`, fetched on first use and cached. A token whose `kid` is unknown makes jose fetch the
 * set again (at most once per `cooldownDuration`, 30 s by default), which is how a new signing key is picked up
 * while the old one still verifies the tokens it signed.
 */
export function remoteJwks(issuer: string, options?: RemoteJWKSetOptions): AccessTokenKeys {
  return createRemoteJWKSet(new URL(`${issuer}/oauth/jwks`), options);
}

export function localJwks(jwks: JSONWebKeySet): AccessTokenKeys {
  return createLocalJWKSet(jwks);
}

export interface AccessTokenVerifierOptions {
  /** The backend's issuer (`ORBIT_PUBLIC_URL`), exactly. */
  issuer: string;
  /** This satellite group's resource URL(s): `<publicUrl>/mcp`. */
  audiences: readonly string[];
  keys: AccessTokenKeys;
  revocations: RevocationList;
  /** Allowed clock skew with the backend, in seconds (`exp`). */
  clockToleranceSeconds?: number;
  cacheSize?: number;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}

/** Longer than any token Orbit issues (~700 characters), short enough that hashing junk costs nothing. */
const MAX_TOKEN_LENGTH = 8_192;
const REQUIRED_CLAIMS = ['iss', 'aud', 'exp', 'iat', 'sub', 'team', 'client_id', 'scope', 'jti'];
const STRING_CLAIMS = ['iss', 'aud', 'sub', 'team', 'client_id', 'scope', 'jti'] as const;

/**
 * Checks Orbit access tokens locally (DESIGN, "OAuth for MCP clients"): JWT with `typ: at+jwt`, ES256 only, the
 * configured issuer, one of this group's audiences, not expired, scope `mcp`, and not matched by a revocation
 * entry. A verified token's claims are cached until it expires, so only a token's first request pays for the ECDSA
 * check; expiry and revocation are checked on every request, cached or not.
 */
export class AccessTokenVerifier {
  private readonly cache: VerifiedTokenCache;
  private readonly now: () => number;
  private readonly toleranceSeconds: number;
  private readonly audiences: string[];

  constructor(private readonly options: AccessTokenVerifierOptions) {
    if (options.audiences.length === 0) throw new Error('AccessTokenVerifier needs at least one audience');
    this.cache = new VerifiedTokenCache(options.cacheSize);
    this.now = options.now ?? Date.now;
    this.toleranceSeconds = options.clockToleranceSeconds ?? 5;
    this.audiences = [...options.audiences];
  }

  /** The token's claims, or an `AccessTokenError` naming why it is refused. */
  async verify(token: string): Promise<Readonly<OrbitAccessTokenClaims>> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      throw new AccessTokenError('malformed', 'the access token is empty or too long');
    }
    const now = this.now();
    const key = VerifiedTokenCache.keyOf(token);
    let claims = this.cache.get(key);
    if (claims === undefined) {
      claims = await this.verifyJwt(token, now);
      this.cache.set(key, claims);
    } else if (claims.exp <= Math.floor(now / 1000) - this.toleranceSeconds) {
      // The same boundary as jose's `exp` check, so a cached token and a fresh one are judged alike.
      this.cache.delete(key);
      throw new AccessTokenError('expired', 'the access token has expired');
    }
    if (this.options.revocations.isRevoked(claims, now)) {
      throw new AccessTokenError('revoked', 'the access token has been revoked');
    }
    return claims;
  }

  get cachedTokens(): number {
    return this.cache.size;
  }

  private async verifyJwt(token: string, now: number): Promise<Readonly<OrbitAccessTokenClaims>> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        algorithms: ['ES256'],
        typ: 'at+jwt',
        issuer: this.options.issuer,
        audience: this.audiences,
        requiredClaims: REQUIRED_CLAIMS,
        clockTolerance: this.toleranceSeconds,
        currentDate: new Date(now),
      }));
    } catch (error) {
      throw refusalFor(error);
    }
    const claims = orbitClaims(payload);
    if (!claims.scope.split(' ').includes(MCP_SCOPE)) {
      throw new AccessTokenError('insufficient_scope', `the access token lacks the "${MCP_SCOPE}" scope`);
    }
    return claims;
  }

  /** Tells "no such key" (the token's fault) from "keys unreachable" (ours). */
  private readonly getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await this.options.keys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new AccessTokenError('jwks_unavailable', 'the signing keys could not be loaded', { cause: error });
    }
  };
}

function orbitClaims(payload: JWTPayload): Readonly<OrbitAccessTokenClaims> {
  for (const name of STRING_CLAIMS) {
    const value = payload[name];
    if (typeof value !== 'string' || value.length === 0) {
      throw new AccessTokenError('malformed', `the "${name}" claim must be a non-empty string`);
    }
  }
  if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number') {
    throw new AccessTokenError('malformed', 'the "iat" and "exp" claims must be numbers');
  }
  const p = payload as JWTPayload & Record<(typeof STRING_CLAIMS)[number], string> & { iat: number; exp: number };
  return Object.freeze({
    iss: p.iss,
    sub: p.sub,
    aud: p.aud,
    team: p.team,
    client_id: p.client_id,
    scope: p.scope,
    jti: p.jti,
    exp: p.exp,
    iat: p.iat,
  });
}

function refusalFor(error: unknown): unknown {
  if (error instanceof AccessTokenError) return error;
  if (error instanceof errors.JWTExpired) return new AccessTokenError('expired', 'the access token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason !== 'missing' && error.claim === 'iss') {
      return new AccessTokenError('bad_issuer', 'the access token was issued by another authorization server');
    }
    if (error.reason !== 'missing' && error.claim === 'aud') {
      return new AccessTokenError('bad_audience', 'the access token is meant for another resource');
    }
    return new AccessTokenError('malformed', error.message);
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new AccessTokenError('bad_signature', 'the access token is not signed by a key of the issuer');
  }
  if (error instanceof errors.JOSEError) return new AccessTokenError('malformed', error.message);
  return error;
}

import { MCP_SCOPE, type OrbitAccessTokenClaims } from '@orbit/contracts';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  type ProtectedHeaderParameters,
  type RemoteJWKSetOptions,
} from 'jose';
import { KeyObject, verify as cryptoVerify } from 'node:crypto';
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
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** `typ` of an access token (RFC 9068), with or without the `application/` prefix. */
const AT_JWT = /^(application\/)?at\+jwt$/i;
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

  /**
   * The JOSE checks, in the order that keeps a bad token cheap: shape, header (ES256 and `at+jwt` only, before any key
   * is looked up), the ECDSA signature with Node's synchronous `crypto.verify` (several times faster per core than
   * WebCrypto's async verify, which jose uses), then the claims. Keys still come from jose's JWKS helpers.
   */
  private async verifyJwt(token: string, now: number): Promise<Readonly<OrbitAccessTokenClaims>> {
    const parts = token.split('.');
    if (parts.length !== 3 || !BASE64URL.test(parts[0]!) || !BASE64URL.test(parts[1]!) || !/^[A-Za-z0-9_-]*$/.test(parts[2]!)) {
      throw new AccessTokenError('malformed', 'the access token is not a signed JWT');
    }
    const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
    let header: ProtectedHeaderParameters;
    let payload: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      payload = decodeJwt(token);
    } catch {
      throw new AccessTokenError('malformed', 'the access token is not a signed JWT');
    }
    if (header.alg !== 'ES256' || header.crit !== undefined) {
      throw new AccessTokenError('bad_signature', 'the access token is not signed by a key of the issuer');
    }
    if (typeof header.typ !== 'string' || !AT_JWT.test(header.typ)) {
      throw new AccessTokenError('malformed', 'the access token is not of type at+jwt');
    }
    let key: KeyObject;
    try {
      key = keyObjectOf(await this.getKey({ ...header, alg: 'ES256' }, { payload: encodedPayload, signature: encodedSignature }));
    } catch (error) {
      throw refusalFor(error);
    }
    const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
    const signature = Buffer.from(encodedSignature, 'base64url');
    if (signature.length !== 64 || !cryptoVerify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature)) {
      throw new AccessTokenError('bad_signature', 'the access token is not signed by a key of the issuer');
    }
    const claims = orbitClaims(payload);
    if (claims.iss !== this.options.issuer) {
      throw new AccessTokenError('bad_issuer', 'the access token was issued by another authorization server');
    }
    if (!this.audiences.includes(claims.aud)) {
      throw new AccessTokenError('bad_audience', 'the access token is meant for another resource');
    }
    const seconds = Math.floor(now / 1000);
    if (claims.exp <= seconds - this.toleranceSeconds) throw new AccessTokenError('expired', 'the access token has expired');
    if (typeof payload.nbf === 'number' && payload.nbf > seconds + this.toleranceSeconds) {
      throw new AccessTokenError('malformed', 'the access token is not valid yet');
    }
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

/** jose's key helpers answer WebCrypto keys; Node's crypto.verify wants a KeyObject (converted once per key). */
const keyObjects = new WeakMap<object, KeyObject>();
function keyObjectOf(key: unknown): KeyObject {
  if (key instanceof KeyObject) return key;
  if (typeof key === 'object' && key !== null && (key as { type?: unknown }).type === 'public') {
    let converted = keyObjects.get(key);
    if (!converted) {
      converted = KeyObject.from(key as Parameters<typeof KeyObject.from>[0]);
      keyObjects.set(key, converted);
    }
    return converted;
  }
  throw new AccessTokenError('bad_signature', 'the access token is not signed by a key of the issuer');
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

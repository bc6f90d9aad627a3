import { randomUUID } from 'node:crypto';
import type { OrbitAccessTokenClaims, RevocationEntry } from '@orbit/contracts';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';

/** What the backend signs with, as the tests need it: the private key and the public JWK it publishes. */
export interface TestSigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export const TEST_ISSUER = 'http://127.0.0.1:3000';
export const TEST_AUDIENCE = 'http://127.0.0.1:3001/mcp';
/** A fixed "now" (ms) for tests that move the clock. */
export const T0 = Date.parse('2026-03-01T12:00:00Z');
export const T0_SECONDS = T0 / 1000;

export async function signingKey(kid = `k-${randomUUID().slice(0, 8)}`): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

export function jwksOf(...keys: TestSigningKey[]): JSONWebKeySet {
  return { keys: keys.map((key) => key.publicJwk) };
}

/** The claims the backend puts in an access token, issued at T0 for ten minutes. */
export function accessTokenClaims(overrides: Partial<OrbitAccessTokenClaims> = {}): OrbitAccessTokenClaims {
  return {
    iss: TEST_ISSUER,
    sub: 'user-1',
    aud: TEST_AUDIENCE,
    team: 'team-1',
    client_id: 'client-1',
    scope: 'mcp',
    jti: randomUUID(),
    iat: T0_SECONDS,
    exp: T0_SECONDS + 600,
    ...overrides,
  };
}

/**
 * Signs claims as the backend does (ES256, `typ: at+jwt`, the key's `kid`). `claims` are merged over the defaults;
 * a claim set to `undefined` is left out. `header` replaces protected header fields (for wrong `typ` tests).
 */
export function signAccessToken(
  key: TestSigningKey,
  claims: Partial<Record<keyof OrbitAccessTokenClaims, unknown>> = {},
  header: { typ?: string } = {},
): Promise<string> {
  const payload = Object.fromEntries(
    Object.entries({ ...accessTokenClaims(), ...claims }).filter(([, value]) => value !== undefined),
  );
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: key.kid, ...header }).sign(key.privateKey);
}

/** An unsigned token (`alg: none`), which no verifier may accept. */
export function unsecuredToken(claims: Partial<OrbitAccessTokenClaims> = {}): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'at+jwt' })}.${part(accessTokenClaims(claims))}.`;
}

export function revocationEntry(overrides: Partial<RevocationEntry> & Pick<RevocationEntry, 'kind' | 'value'>): RevocationEntry {
  return {
    teamId: null,
    revokedAt: new Date(T0 + 1_000).toISOString(),
    expiresAt: new Date(T0 + 3_600_000).toISOString(),
    ...overrides,
  };
}

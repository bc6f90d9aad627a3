import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { SignJWT } from 'jose';
import {
  T0,
  T0_SECONDS,
  TEST_AUDIENCE,
  TEST_ISSUER,
  accessTokenClaims,
  jwksOf,
  revocationEntry,
  signAccessToken,
  signingKey,
  unsecuredToken,
  type TestSigningKey,
} from '../test/factories/access-tokens.js';
import { AccessTokenError, type AccessTokenRefusal } from './access-token-error.js';
import { AccessTokenVerifier, localJwks, remoteJwks, type AccessTokenVerifierOptions } from './access-token-verifier.js';
import { RevocationList } from './revocation-list.js';

const OTHER_AUDIENCE = 'https://sat-eu.example.com/mcp';

async function refusal(promise: Promise<unknown>): Promise<AccessTokenRefusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AccessTokenError) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('AccessTokenVerifier', () => {
  let key: TestSigningKey;
  let clock: number;
  let revocations: RevocationList;
  let keyLookups: number;

  /** A verifier over a local JWKS, counting key lookups (one per full verification). */
  function verifier(overrides: Partial<AccessTokenVerifierOptions> = {}, jwks: JSONWebKeySet = jwksOf(key)) {
    const keys = localJwks(jwks);
    const counting: JWTVerifyGetKey = (header, token) => {
      keyLookups++;
      return keys(header, token);
    };
    return new AccessTokenVerifier({
      issuer: TEST_ISSUER,
      audiences: [TEST_AUDIENCE],
      keys: counting,
      revocations,
      now: () => clock,
      ...overrides,
    });
  }

  beforeAll(async () => {
    key = await signingKey('k1');
  });

  beforeEach(() => {
    clock = T0 + 10_000;
    revocations = new RevocationList(() => clock);
    keyLookups = 0;
  });

  describe('accepts', () => {
    it('a token the backend signed for this satellite and returns its claims', async () => {
      const claims = accessTokenClaims();
      const verified = await verifier().verify(await signAccessToken(key, claims));
      expect(verified).toEqual(claims);
      expect(Object.isFrozen(verified)).toBe(true);
    });

    it('a token for any of the configured audiences', async () => {
      const token = await signAccessToken(key, { aud: OTHER_AUDIENCE });
      await expect(verifier({ audiences: [TEST_AUDIENCE, OTHER_AUDIENCE] }).verify(token)).resolves.toMatchObject({
        aud: OTHER_AUDIENCE,
      });
    });

    it('the media-type form of the type, application/at+jwt', async () => {
      const token = await signAccessToken(key, {}, { typ: 'application/at+jwt' });
      await expect(verifier().verify(token)).resolves.toMatchObject({ sub: 'user-1' });
    });

    it('a scope list that contains mcp among others', async () => {
      const token = await signAccessToken(key, { scope: 'openid mcp' });
      await expect(verifier().verify(token)).resolves.toMatchObject({ scope: 'openid mcp' });
    });

    it('a token expired by less than the clock tolerance', async () => {
      const token = await signAccessToken(key, { exp: T0_SECONDS + 8 });
      clock = T0 + 10_000;
      await expect(verifier({ clockToleranceSeconds: 5 }).verify(token)).resolves.toMatchObject({ exp: T0_SECONDS + 8 });
    });
  });

  describe('refuses', () => {
    it('a token for another audience', async () => {
      const token = await signAccessToken(key, { aud: OTHER_AUDIENCE });
      expect(await refusal(verifier().verify(token))).toBe('bad_audience');
    });

    it('a token from another issuer', async () => {
      const token = await signAccessToken(key, { iss: 'https://evil.example.com' });
      expect(await refusal(verifier().verify(token))).toBe('bad_issuer');
    });

    it.each([['JWT'], ['id_token+jwt']])('a token of type %s', async (typ) => {
      const token = await signAccessToken(key, {}, { typ });
      expect(await refusal(verifier().verify(token))).toBe('malformed');
    });

    it('a token without a type', async () => {
      const token = await new SignJWT({ ...accessTokenClaims() })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid })
        .sign(key.privateKey);
      expect(await refusal(verifier().verify(token))).toBe('malformed');
    });

    it('an HS256 token, even one keyed with the public key (algorithm confusion)', async () => {
      const claims = { ...accessTokenClaims() };
      const secret = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: key.kid })
        .sign(new TextEncoder().encode('a shared secret of at least 32 bytes!!'));
      const confused = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: key.kid })
        .sign(new TextEncoder().encode(JSON.stringify(key.publicJwk)));
      expect(await refusal(verifier().verify(secret))).toBe('bad_signature');
      expect(await refusal(verifier().verify(confused))).toBe('bad_signature');
      expect(keyLookups).toBe(0);
    });

    it('an unsigned token (alg none)', async () => {
      expect(await refusal(verifier().verify(unsecuredToken()))).toBe('bad_signature');
    });

    it('a token signed by a key the issuer does not publish', async () => {
      const impostor = await signingKey(key.kid);
      const sameKid = await signAccessToken(impostor);
      const otherKid = await signAccessToken(await signingKey('k-unknown'));
      expect(await refusal(verifier().verify(sameKid))).toBe('bad_signature');
      expect(await refusal(verifier().verify(otherKid))).toBe('bad_signature');
    });

    it('a token whose claims were altered after signing', async () => {
      const [header, , signature] = (await signAccessToken(key)).split('.');
      const payload = Buffer.from(JSON.stringify(accessTokenClaims({ team: 'team-2' }))).toString('base64url');
      expect(await refusal(verifier().verify(`${header}.${payload}.${signature}`))).toBe('bad_signature');
    });

    it('an expired token', async () => {
      const token = await signAccessToken(key, { exp: T0_SECONDS + 60 });
      clock = T0 + 120_000;
      expect(await refusal(verifier().verify(token))).toBe('expired');
    });

    it('a token without the mcp scope', async () => {
      const token = await signAccessToken(key, { scope: 'openid profile' });
      expect(await refusal(verifier().verify(token))).toBe('insufficient_scope');
      expect(await refusal(verifier().verify(await signAccessToken(key, { scope: 'mcpx' })))).toBe('insufficient_scope');
    });

    it.each([['sub'], ['team'], ['client_id'], ['jti'], ['scope'], ['iat'], ['exp']] as const)(
      'a token without %s',
      async (claim) => {
        const token = await signAccessToken(key, { [claim]: undefined });
        expect(await refusal(verifier().verify(token))).toBe('malformed');
      },
    );

    it('a token whose claims have the wrong types', async () => {
      expect(await refusal(verifier().verify(await signAccessToken(key, { team: 42 })))).toBe('malformed');
      expect(await refusal(verifier().verify(await signAccessToken(key, { sub: '' })))).toBe('malformed');
      expect(await refusal(verifier().verify(await signAccessToken(key, { aud: [TEST_AUDIENCE] })))).toBe('malformed');
    });

    it('strings that are not JWTs', async () => {
      for (const token of ['', 'not-a-jwt', 'a.b.c', 'x'.repeat(10_000)]) {
        expect(await refusal(verifier().verify(token))).toBe('malformed');
      }
    });
  });

  describe('revocation', () => {
    it('refuses a token revoked by its jti', async () => {
      const claims = accessTokenClaims();
      revocations.replace([revocationEntry({ kind: 'jti', value: claims.jti })]);
      expect(await refusal(verifier().verify(await signAccessToken(key, claims)))).toBe('revoked');
    });

    it('refuses every token of a revoked client', async () => {
      revocations.replace([revocationEntry({ kind: 'client', value: 'client-1' })]);
      expect(await refusal(verifier().verify(await signAccessToken(key)))).toBe('revoked');
      await expect(verifier().verify(await signAccessToken(key, { client_id: 'client-2' }))).resolves.toBeDefined();
    });

    it("refuses a user's tokens in the team they were removed from, not in their other teams", async () => {
      revocations.replace([revocationEntry({ kind: 'user', value: 'user-1', teamId: 'team-1' })]);
      expect(await refusal(verifier().verify(await signAccessToken(key, { team: 'team-1' })))).toBe('revoked');
      await expect(verifier().verify(await signAccessToken(key, { team: 'team-2' }))).resolves.toMatchObject({
        team: 'team-2',
      });
    });

    it("refuses a disabled user's tokens in every team", async () => {
      revocations.replace([revocationEntry({ kind: 'user', value: 'user-1', teamId: null })]);
      expect(await refusal(verifier().verify(await signAccessToken(key, { team: 'team-2' })))).toBe('revoked');
    });

    it('accepts a token issued after the revocation (a re-added user, a new secret)', async () => {
      revocations.replace([
        revocationEntry({ kind: 'user', value: 'user-1', teamId: 'team-1', revokedAt: new Date(T0).toISOString() }),
      ]);
      const later = await signAccessToken(key, { iat: T0_SECONDS + 5 });
      await expect(verifier().verify(later)).resolves.toMatchObject({ iat: T0_SECONDS + 5 });
    });
  });

  describe('cache', () => {
    it('answers a repeated token from the cache with the same claims, without verifying it again', async () => {
      const v = verifier();
      const token = await signAccessToken(key);
      const first = await v.verify(token);
      const second = await v.verify(token);
      expect(second).toBe(first);
      expect(keyLookups).toBe(1);
      expect(v.cachedTokens).toBe(1);
    });

    it('refuses a cached token as soon as it is revoked', async () => {
      const v = verifier();
      const claims = accessTokenClaims();
      const token = await signAccessToken(key, claims);
      await v.verify(token);
      revocations.add([revocationEntry({ kind: 'jti', value: claims.jti })]);
      expect(await refusal(v.verify(token))).toBe('revoked');
      expect(keyLookups).toBe(1);
    });

    it('refuses a cached token once it expires, and drops it', async () => {
      const v = verifier({ clockToleranceSeconds: 5 });
      const token = await signAccessToken(key, { exp: T0_SECONDS + 60 });
      await v.verify(token);
      clock = T0 + 64_000;
      await expect(v.verify(token)).resolves.toBeDefined();
      clock = T0 + 65_000;
      expect(await refusal(v.verify(token))).toBe('expired');
      expect(v.cachedTokens).toBe(0);
      expect(keyLookups).toBe(1);
    });

    it('keeps at most cacheSize tokens, verifying an evicted one again', async () => {
      const v = verifier({ cacheSize: 2 });
      const [a, b, c] = await Promise.all([signAccessToken(key), signAccessToken(key), signAccessToken(key)]);
      for (const token of [a, b, c]) await v.verify(token);
      expect(v.cachedTokens).toBe(2);
      await v.verify(a);
      expect(keyLookups).toBe(4);
      await v.verify(c);
      expect(keyLookups).toBe(4);
    });

    it('does not cache refused tokens', async () => {
      const v = verifier();
      await refusal(v.verify(await signAccessToken(key, { aud: OTHER_AUDIENCE })));
      await refusal(v.verify(await signAccessToken(key, { scope: 'openid' })));
      expect(v.cachedTokens).toBe(0);
    });
  });

  describe('remote JWKS', () => {
    let server: Server;
    let issuer: string;
    let published: JSONWebKeySet;
    let fetches: number;

    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url !== '/oauth/jwks') {
          res.writeHead(404).end();
          return;
        }
        fetches++;
        res.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(JSON.stringify(published));
      });
      server.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise((resolve) => server.close(resolve)));

    beforeEach(() => {
      published = jwksOf(key);
      fetches = 0;
    });

    const remoteVerifier = () =>
      new AccessTokenVerifier({
        issuer,
        audiences: [TEST_AUDIENCE],
        // No cool-down, so the test need not wait 30 s between a miss and the next fetch.
        keys: remoteJwks(issuer, { cooldownDuration: 0 }),
        revocations,
        now: () => clock,
      });

    it("verifies a token signed by a new key once the issuer's JWKS gains it, and the old key's tokens still", async () => {
      const v = remoteVerifier();
      const oldToken = await signAccessToken(key, { iss: issuer });
      await expect(v.verify(oldToken)).resolves.toBeDefined();

      const next = await signingKey('k2');
      const newToken = await signAccessToken(next, { iss: issuer });
      expect(await refusal(v.verify(newToken))).toBe('bad_signature');

      published = jwksOf(key, next);
      const fetchesBefore = fetches;
      await expect(v.verify(newToken)).resolves.toMatchObject({ iss: issuer });
      expect(fetches).toBe(fetchesBefore + 1);
      await expect(v.verify(await signAccessToken(key, { iss: issuer }))).resolves.toBeDefined();
      expect(fetches).toBe(fetchesBefore + 1);
    });

    it('reports unreachable keys as a fault of ours, not an invalid token', async () => {
      const closed = createServer();
      closed.listen(0, '127.0.0.1');
      await new Promise((resolve) => closed.once('listening', resolve));
      const deadIssuer = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
      await new Promise((resolve) => closed.close(resolve));
      const v = new AccessTokenVerifier({
        issuer: deadIssuer,
        audiences: [TEST_AUDIENCE],
        keys: remoteJwks(deadIssuer, { timeoutDuration: 2_000 }),
        revocations,
        now: () => clock,
      });
      const error = await v.verify(await signAccessToken(key, { iss: deadIssuer })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AccessTokenError);
      expect((error as AccessTokenError).reason).toBe('jwks_unavailable');
      expect((error as AccessTokenError).httpStatus).toBe(503);
    });
  });
});

describe('AccessTokenError', () => {
  it('maps refusals to RFC 6750 errors and statuses', () => {
    expect(new AccessTokenError('expired', 'x')).toMatchObject({ bearerError: 'invalid_token', httpStatus: 401 });
    expect(new AccessTokenError('revoked', 'x')).toMatchObject({ bearerError: 'invalid_token', httpStatus: 401 });
    expect(new AccessTokenError('insufficient_scope', 'x')).toMatchObject({
      bearerError: 'insufficient_scope',
      httpStatus: 403,
    });
    expect(new AccessTokenError('jwks_unavailable', 'x')).toMatchObject({ bearerError: null, httpStatus: 503 });
  });
});

describe('AccessTokenVerifier without an injected clock', () => {
  it('judges expiry by the real time', async () => {
    // The factory's fixed times are in the past: the real clock sees its default token as expired.
    const key = await signingKey();
    const v = new AccessTokenVerifier({
      issuer: TEST_ISSUER,
      audiences: [TEST_AUDIENCE],
      keys: localJwks(jwksOf(key)),
      revocations: new RevocationList(),
    });
    expect(await refusal(v.verify(await signAccessToken(key)))).toBe('expired');
    const now = Math.floor(Date.now() / 1000);
    await expect(v.verify(await signAccessToken(key, { iat: now, exp: now + 600 }))).resolves.toBeDefined();
  });
});

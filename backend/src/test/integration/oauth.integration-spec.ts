import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { auth, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import {
  isRevoked,
  SatelliteJobName,
  satelliteQueueName,
  type OrbitAccessTokenClaims,
  type RevocationFeed,
} from '@orbit/contracts';
import { Queue } from 'bullmq';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { SigningKeys } from '../../modules/oauth/signing-keys.js';
import { authorizeInBrowser } from '../support/oauth-browser.js';
import { freePort } from '../support/processes.js';
import { startProtectedMcpServer, type ProtectedMcpServer } from '../support/protected-mcp.js';
import { REDIS_TEST_URL } from '../support/redis.js';
import { insertSatellite } from '../support/satellites.js';
import { ADMIN, addMemberVia, createTeamVia, createUserVia, startTestApp, type TestApp } from '../support/test-app.js';

const ALICE = { email: 'alice@corp.example', password: 'Correct-Horse-42!' };

/**
 * The authorization server against real clients: the MCP SDK's own OAuth client (discovery, dynamic registration,
 * authorization code with PKCE, refresh) and plain HTTP for client_credentials and the conformance checks.
 */
/** How long after a rotation the new key signs in the rotation test: far more than the reload interval (200 ms). */
const ACTIVATION_DELAY_MS = 6_000;

describe('OAuth authorization server', () => {
  let t: TestApp;
  let base: string;
  let mcp: ProtectedMcpServer;
  let admin: string;
  let alice: string;
  let aliceId: string;
  let teamId: string;
  let satelliteId: string;
  let satelliteCredential: string;

  beforeAll(async () => {
    const [port, satellitePort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({
      PORT: String(port),
      SATELLITE_PUBLIC_URL: `http://127.0.0.1:${satellitePort}`,
      OAUTH_ACCESS_TOKEN_TTL: '600',
      OAUTH_CODE_TTL: '2',
      OAUTH_KEY_RELOAD_MS: '200',
    });
    mcp = await startProtectedMcpServer({ issuer: base, port: satellitePort });
    admin = await t.login(ADMIN.email, ADMIN.password);
    aliceId = await createUserVia(t.http, admin, { ...ALICE, globalRole: 'global_user' });
    teamId = await createTeamVia(t.http, admin, 'Platform');
    await addMemberVia(t.http, admin, teamId, ALICE.email, 'team_user');
    alice = await t.login(ALICE.email, ALICE.password);
    ({ id: satelliteId, credential: satelliteCredential } = await insertSatellite(t.app, {
      kind: 'global',
      publicUrl: `http://127.0.0.1:${satellitePort}`,
    }));
  });

  afterAll(async () => {
    await mcp?.close();
    await t?.close();
  });

  async function jwks(): Promise<ReturnType<typeof createLocalJWKSet>> {
    const res = await fetch(`${base}/oauth/jwks`);
    return createLocalJWKSet((await res.json()) as JSONWebKeySet);
  }

  async function createClient(token: string, body: object, team = teamId) {
    const res = await request(t.http).post(`/api/teams/${team}/oauth-clients`).set('Authorization', `Bearer ${token}`).send(body);
    return res;
  }

  function clientCredentials(clientId: string, secret: string, extra: Record<string, string> = {}) {
    return fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', ...extra }).toString(),
    });
  }

  describe('conformance: authorization server metadata', () => {
    it('answers RFC 8414 metadata whose issuer is the URL it was fetched from', async () => {
      const res = await fetch(`${base}/.well-known/oauth-authorization-server`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const metadata = (await res.json()) as Record<string, unknown>;
      expect(metadata['issuer']).toBe(base);
      expect(metadata['code_challenge_methods_supported']).toEqual(['S256']);
      expect(metadata['client_id_metadata_document_supported']).toBe(true);
      expect(metadata['grant_types_supported']).toEqual(
        expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
      );
      expect(metadata['token_endpoint_auth_methods_supported']).toEqual(
        expect.arrayContaining(['none', 'client_secret_basic', 'client_secret_post']),
      );
      expect(metadata['registration_endpoint']).toBe(`${base}/oauth/register`);
      expect(metadata['authorization_endpoint']).toBe(`${base}/oauth/authorize`);
      expect(metadata['token_endpoint']).toBe(`${base}/oauth/token`);
      expect(metadata['revocation_endpoint']).toBe(`${base}/oauth/revoke`);
      expect(metadata['jwks_uri']).toBe(`${base}/oauth/jwks`);
      expect(metadata['scopes_supported']).toEqual(expect.arrayContaining(['mcp']));
    });

    it('publishes ES256 public keys only', async () => {
      const res = await fetch(`${base}/oauth/jwks`);
      const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
      expect(keys.length).toBeGreaterThanOrEqual(1);
      for (const key of keys) {
        expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
        expect(key['d']).toBeUndefined();
      }
    });
  });

  describe('client_credentials (the product brief flow)', () => {
    it('issues a JWT acting as the client owner in the client team, for the team satellite', async () => {
      const created = await createClient(alice, { name: 'CI pipeline' });
      expect(created.status).toBe(201);
      expect(created.body.clientSecret).toMatch(/^orbit_cs_/);
      expect(created.body).toMatchObject({
        name: 'CI pipeline',
        kind: 'console',
        teamId,
        ownerId: aliceId,
        grantTypes: ['client_credentials'],
      });

      const res = await clientCredentials(created.body.clientId, created.body.clientSecret);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
      expect(body.token_type).toBe('Bearer');
      expect(body.expires_in).toBeGreaterThan(500);
      expect(body.expires_in).toBeLessThanOrEqual(600);
      const { payload, protectedHeader } = await jwtVerify(body.access_token, await jwks(), {
        issuer: base,
        audience: mcp.resource,
        typ: 'at+jwt',
      });
      expect(protectedHeader.alg).toBe('ES256');
      expect(payload).toMatchObject({
        sub: aliceId,
        team: teamId,
        client_id: created.body.clientId,
        scope: 'mcp',
        aud: mcp.resource,
      });
      expect(typeof payload.jti).toBe('string');

      // The same token opens the MCP endpoint.
      const client = new Client({ name: 'brief-flow', version: '1.0.0' });
      const transport = new StreamableHTTPClientTransport(new URL(mcp.url), {
        requestInit: { headers: { authorization: `Bearer ${body.access_token}` } },
      });
      await client.connect(transport);
      const result = await client.callTool({ name: 'whoami', arguments: {} });
      expect(JSON.parse((result.content as { text: string }[])[0]!.text)).toMatchObject({ sub: aliceId, team: teamId });
      await client.close();
    });

    it('accepts client_secret_basic only as registered, refuses a wrong secret with 401 invalid_client', async () => {
      const created = await createClient(alice, { name: 'wrong secret' });
      const res = await clientCredentials(created.body.clientId, `${created.body.clientSecret}x`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client' });
      const unknown = await clientCredentials('orbit_ci_unknown', 'orbit_cs_whatever');
      expect(unknown.status).toBe(401);
    });

    it('refuses a resource that does not serve the team with invalid_target', async () => {
      const created = await createClient(alice, { name: 'wrong resource' });
      const res = await clientCredentials(created.body.clientId, created.body.clientSecret, {
        resource: 'https://elsewhere.example/mcp',
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_target' });
      const named = await clientCredentials(created.body.clientId, created.body.clientSecret, { resource: mcp.resource });
      expect(named.status).toBe(200);
    });

    it('revokes: the client gets invalid_client, satellites get a revocation entry on their queue and in the feed', async () => {
      const created = await createClient(alice, { name: 'to revoke' });
      const versionBefore = (
        await request(t.http).get(`/api/teams/${teamId}`).set('Authorization', `Bearer ${admin}`).expect(200)
      ).body.configVersion as number;
      expect((await clientCredentials(created.body.clientId, created.body.clientSecret)).status).toBe(200);
      await request(t.http)
        .delete(`/api/teams/${teamId}/oauth-clients/${created.body.clientId}`)
        .set('Authorization', `Bearer ${alice}`)
        .expect(204);
      const res = await clientCredentials(created.body.clientId, created.body.clientSecret);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client' });
      // A change to what the team's satellites serve: the team's config version moved on.
      const team = await request(t.http).get(`/api/teams/${teamId}`).set('Authorization', `Bearer ${admin}`).expect(200);
      expect(team.body.configVersion).toBeGreaterThan(versionBefore);

      const feed = await request(t.http)
        .get('/api/satellite/revocations')
        .set('Authorization', `Bearer ${satelliteCredential}`)
        .expect(200);
      expect((feed.body as RevocationFeed).entries).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'client', value: created.body.clientId })]),
      );
      await request(t.http).get('/api/satellite/revocations').set('Authorization', `Bearer ${alice}`).expect(401);

      const queue = new Queue(satelliteQueueName(satelliteId), {
        connection: { url: REDIS_TEST_URL },
        prefix: t.config.redis.prefix,
      });
      try {
        const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
        const pushed = jobs
          .filter((j) => j.name === SatelliteJobName.Revocation)
          .flatMap((j) => (j.data as RevocationFeed).entries);
        expect(pushed).toEqual(
          expect.arrayContaining([expect.objectContaining({ kind: 'client', value: created.body.clientId })]),
        );
      } finally {
        await queue.close();
      }
    });

    it('rotates the secret: the old one stops working at once, the new one works', async () => {
      const created = await createClient(alice, { name: 'to rotate' });
      const rotated = await request(t.http)
        .post(`/api/teams/${teamId}/oauth-clients/${created.body.clientId}/rotate-secret`)
        .set('Authorization', `Bearer ${alice}`)
        .expect(200);
      expect(rotated.body.clientSecret).not.toBe(created.body.clientSecret);
      expect((await clientCredentials(created.body.clientId, created.body.clientSecret)).status).toBe(401);
      const fresh = await clientCredentials(created.body.clientId, rotated.body.clientSecret as string);
      expect(fresh.status).toBe(200);
      // Tokens of the old secret are revoked on satellites; one obtained right after the rotation is not matched.
      const feed = await request(t.http)
        .get('/api/satellite/revocations')
        .set('Authorization', `Bearer ${satelliteCredential}`)
        .expect(200);
      const entries = (feed.body as RevocationFeed).entries.filter(
        (e) => e.kind === 'client' && e.value === created.body.clientId,
      );
      expect(entries).toHaveLength(1);
      const claims = decodeJwt(((await fresh.json()) as { access_token: string }).access_token);
      expect(isRevoked(claims as unknown as OrbitAccessTokenClaims, entries)).toBe(false);
      expect(isRevoked({ ...(claims as unknown as OrbitAccessTokenClaims), iat: claims.iat! - 1 }, entries)).toBe(true);
      // A team admin sees and revokes members' clients, but never gets a secret that acts as another member.
      await request(t.http)
        .post(`/api/teams/${teamId}/oauth-clients/${created.body.clientId}/rotate-secret`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(404);
    });

    it("stops issuing tokens to a client whose owner left the team, and revokes the owner's tokens", async () => {
      const bob = { email: 'bob@corp.example', password: 'Another-Horse-77!' };
      const bobId = await createUserVia(t.http, admin, { ...bob, globalRole: 'global_user' });
      await addMemberVia(t.http, admin, teamId, bob.email, 'team_user');
      const created = await createClient(await t.login(bob.email, bob.password), { name: "bob's" });
      expect((await clientCredentials(created.body.clientId, created.body.clientSecret)).status).toBe(200);
      await request(t.http).delete(`/api/teams/${teamId}/members/${bobId}`).set('Authorization', `Bearer ${admin}`).expect(204);
      const res = await clientCredentials(created.body.clientId, created.body.clientSecret);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
      const feed = await request(t.http)
        .get('/api/satellite/revocations')
        .set('Authorization', `Bearer ${satelliteCredential}`)
        .expect(200);
      expect((feed.body as RevocationFeed).entries).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'user', value: bobId, teamId })]),
      );
    });
  });

  describe('console client management', () => {
    it('validates the body with field messages', async () => {
      const res = await createClient(alice, {
        name: '',
        grantTypes: ['authorization_code', 'password'],
        redirectUris: ['http://evil.example/cb'],
      });
      expect(res.status).toBe(400);
      const fields = (res.body.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'grantTypes']));

      const noUris = await createClient(alice, { name: 'code', grantTypes: ['authorization_code'] });
      expect(noUris.status).toBe(400);
      expect(noUris.body.details).toEqual([
        { field: 'redirectUris', message: expect.stringMatching(/at least one redirect URI/) },
      ]);

      const httpUri = await createClient(alice, {
        name: 'code',
        grantTypes: ['authorization_code'],
        redirectUris: ['http://evil.example/cb'],
      });
      expect(httpUri.status).toBe(400);
      expect(httpUri.body.details).toEqual([{ field: 'redirectUris[0]', message: expect.stringMatching(/must use https/) }]);

      const scheme = await createClient(alice, {
        name: 'code',
        grantTypes: ['authorization_code'],
        redirectUris: ['myapp://cb'],
      });
      expect(scheme.body.details[0].message).toMatch(/not allowed/);
    });

    it('shows team admins every client of the team, members their own, and 404 for foreign ids', async () => {
      const own = await createClient(alice, { name: 'alice listing' });
      const adminMade = await createClient(admin, { name: 'admin listing' });
      const aliceList = await request(t.http)
        .get(`/api/teams/${teamId}/oauth-clients`)
        .set('Authorization', `Bearer ${alice}`)
        .expect(200);
      const names = (aliceList.body.items as { name: string }[]).map((c) => c.name);
      expect(names).toContain('alice listing');
      expect(names).not.toContain('admin listing');
      expect(JSON.stringify(aliceList.body)).not.toContain('orbit_cs_');

      await request(t.http)
        .delete(`/api/teams/${teamId}/oauth-clients/${adminMade.body.clientId}`)
        .set('Authorization', `Bearer ${alice}`)
        .expect(404);
      const all = await request(t.http).get('/api/oauth-clients?limit=100').set('Authorization', `Bearer ${admin}`).expect(200);
      expect((all.body.items as { clientId: string }[]).map((c) => c.clientId)).toEqual(
        expect.arrayContaining([own.body.clientId, adminMade.body.clientId]),
      );
      await request(t.http).get('/api/oauth-clients').set('Authorization', `Bearer ${alice}`).expect(403);
    });

    it('tells the connect page the team MCP URL', async () => {
      const res = await request(t.http).get(`/api/teams/${teamId}/connect`).set('Authorization', `Bearer ${alice}`).expect(200);
      expect(res.body).toEqual({ teamId, mcpUrl: mcp.resource, issuer: base });
    });
  });

  describe('authorization code with PKCE through the MCP SDK client', () => {
    /** The SDK's OAuthClientProvider, in memory, with the browser step done at HTTP level. */
    class TestProvider implements OAuthClientProvider {
      info?: OAuthClientInformationMixed;
      saved?: OAuthTokens;
      verifier?: string;
      expectedState = randomBytes(16).toString('base64url');
      authorizationUrl?: URL;
      constructor(readonly redirectUrl: string) {}
      get clientMetadata(): OAuthClientMetadata {
        return {
          client_name: 'SDK test client',
          redirect_uris: [this.redirectUrl],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
        };
      }
      state = () => this.expectedState;
      clientInformation = () => this.info;
      saveClientInformation = (info: OAuthClientInformationMixed) => void (this.info = info);
      tokens = () => this.saved;
      saveTokens = (tokens: OAuthTokens) => void (this.saved = tokens);
      redirectToAuthorization = (url: URL) => void (this.authorizationUrl = url);
      saveCodeVerifier = (verifier: string) => void (this.verifier = verifier);
      codeVerifier = () => this.verifier!;
    }

    it('goes through discovery, dynamic registration, code + PKCE, token and refresh, then calls the MCP server', async () => {
      const provider = new TestProvider('http://127.0.0.1:53682/callback');
      expect(await auth(provider, { serverUrl: mcp.url })).toBe('REDIRECT');
      // Registered dynamically as a native public client: loopback redirect, no secret.
      expect(provider.info?.client_id).toBeDefined();
      expect((provider.info as { client_secret?: string }).client_secret).toBeUndefined();
      const authorizationUrl = provider.authorizationUrl!;
      expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorizationUrl.searchParams.get('resource')).toBe(mcp.resource);

      const { redirect, interaction } = await authorizeInBrowser(base, authorizationUrl.toString(), {
        accessToken: alice,
        teamId,
      });
      expect(interaction.client).toMatchObject({ name: 'SDK test client', redirectHost: '127.0.0.1:53682', kind: 'dynamic' });
      expect(interaction.teams.map((tm) => tm.id)).toContain(teamId);
      // Conformance: the redirect carries code, state and iss (RFC 9207). The SDK checks neither: we do.
      expect(`${redirect.origin}${redirect.pathname}`).toBe('http://127.0.0.1:53682/callback');
      expect(redirect.searchParams.get('state')).toBe(provider.expectedState);
      expect(redirect.searchParams.get('iss')).toBe(base);
      const code = redirect.searchParams.get('code')!;
      expect(code).toBeTruthy();

      expect(await auth(provider, { serverUrl: mcp.url, authorizationCode: code })).toBe('AUTHORIZED');
      const first = provider.saved!;
      expect(first.refresh_token).toBeDefined();
      const claims = decodeJwt(first.access_token);
      expect(decodeProtectedHeader(first.access_token).typ).toBe('at+jwt');
      expect(claims).toMatchObject({
        iss: base,
        sub: aliceId,
        team: teamId,
        aud: mcp.resource,
        scope: 'mcp',
        client_id: provider.info!.client_id,
      });

      // Refresh with rotation: the SDK posts the refresh token and gets a new pair.
      provider.saved = { ...first, access_token: 'expired' };
      expect(await auth(provider, { serverUrl: mcp.url })).toBe('AUTHORIZED');
      expect(provider.saved.refresh_token).toBeDefined();
      expect(provider.saved.refresh_token).not.toBe(first.refresh_token);
      expect(decodeJwt(provider.saved.access_token)).toMatchObject({ sub: aliceId, team: teamId });

      // And the SDK's MCP client uses it.
      const client = new Client({ name: 'sdk-oauth', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(mcp.url), { authProvider: provider }));
      const tools = await client.listTools();
      expect(tools.tools.map((tool) => tool.name)).toEqual(['whoami']);
      await client.close();
    });
  });

  describe('conformance: authorization code', () => {
    it('redirects with code, state and iss, and answers the token request with Cache-Control: no-store', async () => {
      const { client_id } = await register({ redirect_uris: ['http://127.0.0.1:40000/cb'] });
      const pkce = pkcePair();
      const url = authorizeUrl({
        client_id,
        redirect_uri: 'http://127.0.0.1:40000/cb',
        state: 'st-1',
        code_challenge: pkce.challenge,
      });
      const { redirect } = await authorizeInBrowser(base, url, { accessToken: alice, teamId });
      expect(redirect.searchParams.get('state')).toBe('st-1');
      expect(redirect.searchParams.get('iss')).toBe(base);
      const res = await token({
        grant_type: 'authorization_code',
        client_id,
        code: redirect.searchParams.get('code')!,
        redirect_uri: 'http://127.0.0.1:40000/cb',
        code_verifier: pkce.verifier,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('signing key rotation', () => {
    it('publishes a rotated key at once, signs with it from its activation, and keeps old tokens verifying', async () => {
      const created = await createClient(alice, { name: 'rotation' });
      const token = async () =>
        (
          (await (await clientCredentials(created.body.clientId, created.body.clientSecret)).json()) as {
            access_token: string;
          }
        ).access_token;
      const jwks = async () => (await (await fetch(`${base}/oauth/jwks`)).json()) as JSONWebKeySet;
      const before = await token();
      const oldKid = decodeProtectedHeader(before).kid!;
      // As `npm run oauth:rotate-key` does from another process, with a short delay before the new key signs.
      const { added, retired, activatesAt } = await t.app.get(SigningKeys).rotate(ACTIVATION_DELAY_MS);
      expect(retired).toEqual([oldKid]);

      // The running backend publishes the new key within OAUTH_KEY_RELOAD_MS, and keeps signing with the old one.
      const published = await eventually(async () => {
        const keys = await jwks();
        return keys.keys.some((k) => k.kid === added) ? keys : undefined;
      });
      expect(published.keys.map((k) => k.kid)).toEqual([oldKid, added]);
      const waiting = await token();
      expect(Date.now()).toBeLessThan(Date.parse(activatesAt)); // the delay is long enough for the step above
      expect(decodeProtectedHeader(waiting).kid).toBe(oldKid);

      // From its activation the new key signs, first in the JWKS; tokens of the old one still verify.
      const after = await eventually(async () => {
        const next = await token();
        return decodeProtectedHeader(next).kid === added ? next : undefined;
      });
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(activatesAt));
      const keys = await jwks();
      expect(keys.keys.map((k) => k.kid)).toEqual([added, oldKid]);
      for (const signed of [before, waiting, after])
        await expect(jwtVerify(signed, createLocalJWKSet(keys), { issuer: base, audience: mcp.resource })).resolves.toBeDefined();
    });
  });

  /** Polls `probe` until it gives a value, for up to 30 s. */
  async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('the condition did not hold within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  function pkcePair() {
    const verifier = randomBytes(32).toString('base64url');
    return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  }

  async function register(metadata: Record<string, unknown>): Promise<{ client_id: string }> {
    const res = await fetch(`${base}/oauth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'raw client', token_endpoint_auth_method: 'none', ...metadata }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { client_id: string };
  }

  function authorizeUrl(params: Record<string, string>): string {
    const url = new URL(`${base}/oauth/authorize`);
    for (const [k, v] of Object.entries({ response_type: 'code', code_challenge_method: 'S256', scope: 'mcp', ...params }))
      url.searchParams.set(k, v);
    return url.toString();
  }

  function token(params: Record<string, string>): Promise<Response> {
    return fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
  }
});

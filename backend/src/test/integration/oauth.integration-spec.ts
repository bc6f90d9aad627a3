import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  isRevoked,
  SatelliteJobName,
  satelliteQueueName,
  type OrbitAccessTokenClaims,
  type RevocationFeed,
} from '@orbit/contracts';
import { Queue } from 'bullmq';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import request from 'supertest';
import { startAuthorizationServerStack, stackForSuite } from '../support/oauth-protocol.js';
import { REDIS_TEST_URL } from '../support/redis.js';
import { addMemberVia, createUserVia } from '../support/test-app.js';

/**
 * The authorization server against real clients: plain HTTP for the conformance checks, client_credentials and the
 * console's client management. The authorization code flow and key rotation are in oauth-flows.integration-spec.ts.
 */
describe('OAuth authorization server', () => {
  const t = stackForSuite(startAuthorizationServerStack);

  async function jwks(): Promise<ReturnType<typeof createLocalJWKSet>> {
    const res = await fetch(`${t.base}/oauth/jwks`);
    return createLocalJWKSet((await res.json()) as JSONWebKeySet);
  }

  describe('conformance: authorization server metadata', () => {
    it('answers RFC 8414 metadata whose issuer is the URL it was fetched from', async () => {
      const res = await fetch(`${t.base}/.well-known/oauth-authorization-server`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const metadata = (await res.json()) as Record<string, unknown>;
      expect(metadata['issuer']).toBe(t.base);
      expect(metadata['code_challenge_methods_supported']).toEqual(['S256']);
      expect(metadata['client_id_metadata_document_supported']).toBe(true);
      expect(metadata['grant_types_supported']).toEqual(
        expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
      );
      expect(metadata['token_endpoint_auth_methods_supported']).toEqual(
        expect.arrayContaining(['none', 'client_secret_basic', 'client_secret_post']),
      );
      expect(metadata['registration_endpoint']).toBe(`${t.base}/oauth/register`);
      expect(metadata['authorization_endpoint']).toBe(`${t.base}/oauth/authorize`);
      expect(metadata['token_endpoint']).toBe(`${t.base}/oauth/token`);
      expect(metadata['revocation_endpoint']).toBe(`${t.base}/oauth/revoke`);
      expect(metadata['jwks_uri']).toBe(`${t.base}/oauth/jwks`);
      expect(metadata['scopes_supported']).toEqual(expect.arrayContaining(['mcp']));
    });

    it('publishes ES256 public keys only', async () => {
      const res = await fetch(`${t.base}/oauth/jwks`);
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
      const created = await t.createClient(t.alice, { name: 'CI pipeline' });
      expect(created.status).toBe(201);
      expect(created.body.clientSecret).toMatch(/^orbit_cs_/);
      expect(created.body).toMatchObject({
        name: 'CI pipeline',
        kind: 'console',
        teamId: t.teamId,
        ownerId: t.aliceId,
        grantTypes: ['client_credentials'],
      });

      const res = await t.clientCredentials(created.body.clientId, created.body.clientSecret);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
      expect(body.token_type).toBe('Bearer');
      expect(body.expires_in).toBeGreaterThan(500);
      expect(body.expires_in).toBeLessThanOrEqual(600);
      const { payload, protectedHeader } = await jwtVerify(body.access_token, await jwks(), {
        issuer: t.base,
        audience: t.mcp.resource,
        typ: 'at+jwt',
      });
      expect(protectedHeader.alg).toBe('ES256');
      expect(payload).toMatchObject({
        sub: t.aliceId,
        team: t.teamId,
        client_id: created.body.clientId,
        scope: 'mcp',
        aud: t.mcp.resource,
      });
      expect(typeof payload.jti).toBe('string');

      // The same token opens the MCP endpoint.
      const client = new Client({ name: 'brief-flow', version: '1.0.0' });
      const transport = new StreamableHTTPClientTransport(new URL(t.mcp.url), {
        requestInit: { headers: { authorization: `Bearer ${body.access_token}` } },
      });
      await client.connect(transport);
      const result = await client.callTool({ name: 'whoami', arguments: {} });
      expect(JSON.parse((result.content as { text: string }[])[0]!.text)).toMatchObject({ sub: t.aliceId, team: t.teamId });
      await client.close();
    });

    it('accepts client_secret_basic only as registered, refuses a wrong secret with 401 invalid_client', async () => {
      const created = await t.createClient(t.alice, { name: 'wrong secret' });
      const res = await t.clientCredentials(created.body.clientId, `${created.body.clientSecret}x`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client' });
      const unknown = await t.clientCredentials('orbit_ci_unknown', 'orbit_cs_whatever');
      expect(unknown.status).toBe(401);
    });

    it('refuses a resource that does not serve the team with invalid_target', async () => {
      const created = await t.createClient(t.alice, { name: 'wrong resource' });
      const res = await t.clientCredentials(created.body.clientId, created.body.clientSecret, {
        resource: 'https://elsewhere.example/mcp',
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_target' });
      const named = await t.clientCredentials(created.body.clientId, created.body.clientSecret, { resource: t.mcp.resource });
      expect(named.status).toBe(200);
    });

    it('revokes: the client gets invalid_client, satellites get a revocation entry on their queue and in the feed', async () => {
      const created = await t.createClient(t.alice, { name: 'to revoke' });
      const versionBefore = (
        await request(t.http).get(`/api/teams/${t.teamId}`).set('Authorization', `Bearer ${t.admin}`).expect(200)
      ).body.configVersion as number;
      expect((await t.clientCredentials(created.body.clientId, created.body.clientSecret)).status).toBe(200);
      await request(t.http)
        .delete(`/api/teams/${t.teamId}/oauth-clients/${created.body.clientId}`)
        .set('Authorization', `Bearer ${t.alice}`)
        .expect(204);
      const res = await t.clientCredentials(created.body.clientId, created.body.clientSecret);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client' });
      // A change to what the team's satellites serve: the team's config version moved on.
      const team = await request(t.http).get(`/api/teams/${t.teamId}`).set('Authorization', `Bearer ${t.admin}`).expect(200);
      expect(team.body.configVersion).toBeGreaterThan(versionBefore);

      const feed = await request(t.http)
        .get('/api/satellite/revocations')
        .set('Authorization', `Bearer ${t.satelliteCredential}`)
        .expect(200);
      expect((feed.body as RevocationFeed).entries).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'client', value: created.body.clientId })]),
      );
      await request(t.http).get('/api/satellite/revocations').set('Authorization', `Bearer ${t.alice}`).expect(401);

      const queue = new Queue(satelliteQueueName(t.satelliteId), {
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
      const created = await t.createClient(t.alice, { name: 'to rotate' });
      const rotated = await request(t.http)
        .post(`/api/teams/${t.teamId}/oauth-clients/${created.body.clientId}/rotate-secret`)
        .set('Authorization', `Bearer ${t.alice}`)
        .expect(200);
      expect(rotated.body.clientSecret).not.toBe(created.body.clientSecret);
      expect((await t.clientCredentials(created.body.clientId, created.body.clientSecret)).status).toBe(401);
      const fresh = await t.clientCredentials(created.body.clientId, rotated.body.clientSecret as string);
      expect(fresh.status).toBe(200);
      // Tokens of the old secret are revoked on satellites; one obtained right after the rotation is not matched.
      const feed = await request(t.http)
        .get('/api/satellite/revocations')
        .set('Authorization', `Bearer ${t.satelliteCredential}`)
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
        .post(`/api/teams/${t.teamId}/oauth-clients/${created.body.clientId}/rotate-secret`)
        .set('Authorization', `Bearer ${t.admin}`)
        .expect(404);
    });

    it("stops issuing tokens to a client whose owner left the team, and revokes the owner's tokens", async () => {
      const bob = { email: 'bob@corp.example', password: 'Another-Horse-77!' };
      const bobId = await createUserVia(t.http, t.admin, { ...bob, globalRole: 'global_user' });
      await addMemberVia(t.http, t.admin, t.teamId, bob.email, 'team_user');
      const created = await t.createClient(await t.login(bob.email, bob.password), { name: "bob's" });
      expect((await t.clientCredentials(created.body.clientId, created.body.clientSecret)).status).toBe(200);
      await request(t.http)
        .delete(`/api/teams/${t.teamId}/members/${bobId}`)
        .set('Authorization', `Bearer ${t.admin}`)
        .expect(204);
      const res = await t.clientCredentials(created.body.clientId, created.body.clientSecret);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
      const feed = await request(t.http)
        .get('/api/satellite/revocations')
        .set('Authorization', `Bearer ${t.satelliteCredential}`)
        .expect(200);
      expect((feed.body as RevocationFeed).entries).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'user', value: bobId, teamId: t.teamId })]),
      );
    });
  });

  describe('console client management', () => {
    it('validates the body with field messages', async () => {
      const res = await t.createClient(t.alice, {
        name: '',
        grantTypes: ['authorization_code', 'password'],
        redirectUris: ['http://evil.example/cb'],
      });
      expect(res.status).toBe(400);
      const fields = (res.body.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'grantTypes']));

      const noUris = await t.createClient(t.alice, { name: 'code', grantTypes: ['authorization_code'] });
      expect(noUris.status).toBe(400);
      expect(noUris.body.details).toEqual([
        { field: 'redirectUris', message: expect.stringMatching(/at least one redirect URI/) },
      ]);

      const httpUri = await t.createClient(t.alice, {
        name: 'code',
        grantTypes: ['authorization_code'],
        redirectUris: ['http://evil.example/cb'],
      });
      expect(httpUri.status).toBe(400);
      expect(httpUri.body.details).toEqual([{ field: 'redirectUris[0]', message: expect.stringMatching(/must use https/) }]);

      const scheme = await t.createClient(t.alice, {
        name: 'code',
        grantTypes: ['authorization_code'],
        redirectUris: ['myapp://cb'],
      });
      expect(scheme.body.details[0].message).toMatch(/not allowed/);
    });

    it('shows team admins every client of the team, members their own, and 404 for foreign ids', async () => {
      const own = await t.createClient(t.alice, { name: 'alice listing' });
      const adminMade = await t.createClient(t.admin, { name: 'admin listing' });
      const aliceList = await request(t.http)
        .get(`/api/teams/${t.teamId}/oauth-clients`)
        .set('Authorization', `Bearer ${t.alice}`)
        .expect(200);
      const names = (aliceList.body.items as { name: string }[]).map((c) => c.name);
      expect(names).toContain('alice listing');
      expect(names).not.toContain('admin listing');
      expect(JSON.stringify(aliceList.body)).not.toContain('orbit_cs_');

      await request(t.http)
        .delete(`/api/teams/${t.teamId}/oauth-clients/${adminMade.body.clientId}`)
        .set('Authorization', `Bearer ${t.alice}`)
        .expect(404);
      const all = await request(t.http).get('/api/oauth-clients?limit=100').set('Authorization', `Bearer ${t.admin}`).expect(200);
      expect((all.body.items as { clientId: string }[]).map((c) => c.clientId)).toEqual(
        expect.arrayContaining([own.body.clientId, adminMade.body.clientId]),
      );
      await request(t.http).get('/api/oauth-clients').set('Authorization', `Bearer ${t.alice}`).expect(403);
    });

    it('tells the connect page the team MCP URL', async () => {
      const res = await request(t.http)
        .get(`/api/teams/${t.teamId}/connect`)
        .set('Authorization', `Bearer ${t.alice}`)
        .expect(200);
      expect(res.body).toEqual({ teamId: t.teamId, mcpUrl: t.mcp.resource, issuer: t.base });
    });
  });
});

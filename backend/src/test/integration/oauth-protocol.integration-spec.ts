import type { RevocationFeed } from '@orbit/contracts';
import { decodeJwt } from 'jose';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CookieClient } from '../support/cookie-client.js';
import { authorizeInBrowser } from '../support/oauth-browser.js';
import { freePort } from '../support/processes.js';
import { insertSatellite } from '../support/satellites.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Negative protocol tests: each attack or mistake is refused with the right OAuth error, and nothing leaks (no
 * redirect to an unregistered URI, no token from a reused code or refresh token). Client ID metadata documents are
 * served by a local https server with a throwaway certificate the backend is told to trust.
 */
describe('OAuth protocol: refusals', () => {
  let t: TestApp;
  let base: string;
  let resource: string;
  let admin: string;
  let adminId: string;
  let teamId: string;
  let satelliteCredential: string;
  let cimd: { server: Server; base: string; documents: Map<string, { status?: number; body: unknown }> };

  const REDIRECT = 'http://127.0.0.1:47000/callback';

  beforeAll(async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'orbit-cimd-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(certDir, 'key.pem'),
        '-out',
        join(certDir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const documents = new Map<string, { status?: number; body: unknown }>();
    const server = createServer(
      { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) },
      (req, res) => {
        const doc = documents.get(req.url ?? '');
        if (!doc) return void res.writeHead(404).end();
        res
          .writeHead(doc.status ?? 200, { 'content-type': 'application/json', 'cache-control': 'max-age=60' })
          .end(JSON.stringify(doc.body));
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cimd = { server, base: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, documents };

    const [port, satellitePort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    resource = `http://127.0.0.1:${satellitePort}/mcp`;
    t = await startTestApp({
      PORT: String(port),
      SATELLITE_PUBLIC_URL: `http://127.0.0.1:${satellitePort}`,
      OAUTH_CODE_TTL: '3',
      OAUTH_CIMD_ALLOW_LOOPBACK: 'true',
      OAUTH_CIMD_CA_FILE: join(certDir, 'cert.pem'),
    });
    admin = await t.login(ADMIN.email, ADMIN.password);
    const me = await request(t.http).get('/api/me').set('Authorization', `Bearer ${admin}`).expect(200);
    adminId = me.body.id as string;
    teamId = (me.body.teams as { teamId: string }[])[0]!.teamId;
    ({ credential: satelliteCredential } = await insertSatellite(t.app, {
      kind: 'global',
      publicUrl: `http://127.0.0.1:${satellitePort}`,
    }));
  });

  afterAll(async () => {
    cimd?.server.close();
    await t?.close();
  });

  function pkce() {
    const verifier = randomBytes(32).toString('base64url');
    return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  }

  async function register(metadata: Record<string, unknown>): Promise<Response> {
    return fetch(`${base}/oauth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(metadata),
    });
  }

  async function publicClient(redirectUris = [REDIRECT]): Promise<string> {
    const res = await register({
      client_name: 'negative tests',
      redirect_uris: redirectUris,
      token_endpoint_auth_method: 'none',
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { client_id: string }).client_id;
  }

  function authorizeUrl(params: Record<string, string | undefined>): string {
    const url = new URL(`${base}/oauth/authorize`);
    for (const [k, v] of Object.entries({ response_type: 'code', scope: 'mcp', state: 'st', ...params })) {
      if (v !== undefined) url.searchParams.set(k, v);
    }
    return url.toString();
  }

  function token(params: Record<string, string>): Promise<Response> {
    return fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
  }

  /** Authorization code for a fresh public client, through consent. */
  async function codeFor(clientId: string, challenge: string, redirectUri = REDIRECT): Promise<string> {
    const { redirect } = await authorizeInBrowser(
      base,
      authorizeUrl({ client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256' }),
      { accessToken: admin, teamId },
    );
    const code = redirect.searchParams.get('code');
    if (!code) throw new Error(`no code: ${redirect.toString()}`);
    return code;
  }

  /** Where the provider sends the browser for an authorization request, without following further. */
  async function authorizeOutcome(url: string): Promise<{ status: number; location: URL | null; body: string }> {
    const res = await fetch(url, { redirect: 'manual' });
    const location = res.headers.get('location');
    return { status: res.status, location: location ? new URL(location, base) : null, body: await res.text() };
  }

  async function revocations(): Promise<RevocationFeed['entries']> {
    const res = await request(t.http)
      .get('/api/satellite/revocations')
      .set('Authorization', `Bearer ${satelliteCredential}`)
      .expect(200);
    return (res.body as RevocationFeed).entries;
  }

  describe('PKCE', () => {
    it('refuses an authorization request without a code challenge, back at the client with invalid_request', async () => {
      const clientId = await publicClient();
      const out = await authorizeOutcome(authorizeUrl({ client_id: clientId, redirect_uri: REDIRECT }));
      expect(out.location?.origin).toBe('http://127.0.0.1:47000');
      expect(out.location?.searchParams.get('error')).toBe('invalid_request');
      expect(out.location?.searchParams.get('error_description')).toMatch(/PKCE/);
      expect(out.location?.searchParams.get('state')).toBe('st');
    });

    it('refuses the plain method', async () => {
      const clientId = await publicClient();
      const { verifier } = pkce();
      const out = await authorizeOutcome(
        authorizeUrl({ client_id: clientId, redirect_uri: REDIRECT, code_challenge: verifier, code_challenge_method: 'plain' }),
      );
      expect(out.location?.searchParams.get('error')).toBe('invalid_request');
      expect(out.location?.searchParams.get('error_description')).toMatch(/code_challenge_method/);
    });

    it('refuses a wrong verifier with invalid_grant', async () => {
      const clientId = await publicClient();
      const { challenge } = pkce();
      const code = await codeFor(clientId, challenge);
      const res = await token({
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: REDIRECT,
        code_verifier: pkce().verifier,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    });
  });

  describe('authorization codes', () => {
    it('refuses a reused code and revokes what the first use produced (refresh token and access token)', async () => {
      const clientId = await publicClient();
      const { verifier, challenge } = pkce();
      const code = await codeFor(clientId, challenge);
      const exchange = {
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      };
      const first = await token(exchange);
      expect(first.status).toBe(200);
      const tokens = (await first.json()) as { access_token: string; refresh_token: string };
      const second = await token(exchange);
      expect(second.status).toBe(400);
      expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
      // The refresh token of the first use no longer works...
      const refresh = await token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: tokens.refresh_token });
      expect(refresh.status).toBe(400);
      expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
      // ...and its access token is on the revocation feed satellites load.
      const jti = decodeJwt(tokens.access_token).jti;
      expect(await revocations()).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'jti', value: jti })]));
    });

    it('refuses an expired code', async () => {
      const clientId = await publicClient();
      const { verifier, challenge } = pkce();
      const code = await codeFor(clientId, challenge);
      await new Promise((resolve) => setTimeout(resolve, 3_200)); // OAUTH_CODE_TTL=3 here
      const res = await token({
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('refuses a token request whose redirect_uri differs from the authorization request', async () => {
      const clientId = await publicClient([REDIRECT, 'http://127.0.0.1:47000/other']);
      const { verifier, challenge } = pkce();
      const code = await codeFor(clientId, challenge);
      const res = await token({
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: 'http://127.0.0.1:47000/other',
        code_verifier: verifier,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('sends access_denied back to the client when the user denies', async () => {
      const clientId = await publicClient();
      const { redirect } = await authorizeInBrowser(
        base,
        authorizeUrl({
          client_id: clientId,
          redirect_uri: REDIRECT,
          code_challenge: pkce().challenge,
          code_challenge_method: 'S256',
        }),
        { accessToken: admin, deny: true },
      );
      expect(redirect.searchParams.get('error')).toBe('access_denied');
      expect(redirect.searchParams.get('code')).toBeNull();
    });

    it('refuses consent for a team the user is not in, with a field message', async () => {
      const clientId = await publicClient();
      const browser = new CookieClient();
      const start = await browser.follow(
        authorizeUrl({
          client_id: clientId,
          redirect_uri: REDIRECT,
          code_challenge: pkce().challenge,
          code_challenge_method: 'S256',
        }),
        (next) => new URL(next).pathname.startsWith('/oauth/consent/'),
      );
      const uid = new URL(start.url).pathname.split('/').pop()!;
      const res = await browser.request(`${base}/api/oauth/interactions/${uid}/consent`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
        json: { teamId: randomUUID() },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { details: { field: string }[] }).details[0]!.field).toBe('teamId');
      // Without the browser's interaction cookie the request is unknown: another browser can't finish it.
      const stranger = await fetch(`${base}/api/oauth/interactions/${uid}/details`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(stranger.status).toBe(404);
    });
  });

  describe('redirect URIs', () => {
    it('never redirects to an unregistered URI (open redirect): an error page instead', async () => {
      const clientId = await publicClient();
      for (const evil of [
        'https://evil.example/steal',
        'http://127.0.0.1:47000/callback/../evil',
        'http://127.0.0.1.evil.example:47000/callback',
      ]) {
        const out = await authorizeOutcome(
          authorizeUrl({
            client_id: clientId,
            redirect_uri: evil,
            code_challenge: pkce().challenge,
            code_challenge_method: 'S256',
          }),
        );
        expect(out.status).toBe(400);
        expect(out.location).toBeNull();
        expect(out.body).toContain('redirect_uri did not match any of the client');
        expect(out.body).toContain('data-testid="oauth-error"');
      }
    });

    it('matches a native loopback redirect on any port, but the path exactly', async () => {
      const clientId = await publicClient(['http://127.0.0.1/callback']);
      const ok = await authorizeOutcome(
        authorizeUrl({
          client_id: clientId,
          redirect_uri: 'http://127.0.0.1:51234/callback',
          code_challenge: pkce().challenge,
          code_challenge_method: 'S256',
        }),
      );
      expect(ok.location?.pathname).toMatch(/^\/api\/oauth\/interactions\//);
      const wrongPath = await authorizeOutcome(
        authorizeUrl({
          client_id: clientId,
          redirect_uri: 'http://127.0.0.1:51234/other',
          code_challenge: pkce().challenge,
          code_challenge_method: 'S256',
        }),
      );
      expect(wrongPath.status).toBe(400);
      expect(wrongPath.location).toBeNull();
    });

    it('refuses an unknown client without redirecting anywhere', async () => {
      const out = await authorizeOutcome(
        authorizeUrl({
          client_id: 'no-such-client',
          redirect_uri: REDIRECT,
          code_challenge: pkce().challenge,
          code_challenge_method: 'S256',
        }),
      );
      expect(out.status).toBe(400);
      expect(out.location).toBeNull();
    });
  });

  describe('dynamic registration', () => {
    it.each([
      ['http on a non-loopback host', { redirect_uris: ['http://app.example.com/cb'] }, 'invalid_redirect_uri'],
      ['a private-use scheme not on the allow-list', { redirect_uris: ['myapp://callback'] }, 'invalid_redirect_uri'],
      ['javascript:', { redirect_uris: ['javascript:alert(1)'] }, 'invalid_redirect_uri'],
      ['client_credentials', { redirect_uris: [REDIRECT], grant_types: ['client_credentials'] }, 'invalid_client_metadata'],
      [
        'our own team property',
        { redirect_uris: [REDIRECT], orbit_team: '00000000-0000-0000-0000-000000000000' },
        'invalid_client_metadata',
      ],
      ['a non-array redirect_uris', { redirect_uris: 'http://127.0.0.1/cb' }, 'invalid_redirect_uri'],
      [
        'too many redirect URIs',
        { redirect_uris: Array.from({ length: 25 }, (_, i) => `http://127.0.0.1/cb${i}`) },
        'invalid_redirect_uri',
      ],
    ])('refuses %s', async (_name, metadata, error) => {
      const res = await register({ client_name: 'bad', token_endpoint_auth_method: 'none', ...metadata });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error });
    });

    it('says why a redirect URI was refused', async () => {
      const res = await register({
        client_name: 'bad',
        token_endpoint_auth_method: 'none',
        redirect_uris: [REDIRECT, 'http://app.example.com/cb'],
      });
      expect(await res.json()).toEqual({
        error: 'invalid_redirect_uri',
        error_description: expect.stringMatching(/^redirect_uris\[1\] must use https/),
      });
    });

    it('refuses malformed and oversized bodies', async () => {
      const malformed = await fetch(`${base}/oauth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"redirect_uris": [',
      });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: 'invalid_request' });
      const oversized = await register({
        client_name: 'big',
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'none',
        padding: 'x'.repeat(80_000),
      });
      expect(oversized.status).toBe(400);
      expect(await oversized.json()).toMatchObject({ error: 'invalid_request' });
    });

    it('accepts Cursor and VS Code style registrations as native public clients', async () => {
      const cursor = await register({
        client_name: 'Cursor',
        redirect_uris: ['cursor://anysphere.cursor-mcp/oauth/callback'],
        token_endpoint_auth_method: 'none',
      });
      expect(cursor.status).toBe(201);
      expect(await cursor.json()).toMatchObject({ application_type: 'native' });
      const vscode = await register({
        client_name: 'VS Code',
        redirect_uris: ['http://127.0.0.1:33418', 'https://vscode.dev/redirect'],
        token_endpoint_auth_method: 'none',
      });
      expect(vscode.status).toBe(201);
      expect(await vscode.json()).toMatchObject({ application_type: 'web' });
      const claude = await register({
        client_name: 'Claude Code',
        application_type: 'native',
        redirect_uris: ['http://localhost:8123/callback'],
        token_endpoint_auth_method: 'none',
      });
      expect(claude.status).toBe(201);
      // Dynamically registered clients are listed for global admins.
      const all = await request(t.http).get('/api/oauth-clients?limit=100').set('Authorization', `Bearer ${admin}`).expect(200);
      expect((all.body.items as { name: string; kind: string }[]).filter((c) => c.kind === 'dynamic').map((c) => c.name)).toEqual(
        expect.arrayContaining(['Cursor', 'VS Code', 'Claude Code']),
      );
    });
  });

  describe('scopes and forwarded headers', () => {
    it('grants mcp whatever scope the client names, so the token is one satellites accept', async () => {
      const clientId = await publicClient();
      const { verifier, challenge } = pkce();
      const { redirect } = await authorizeInBrowser(
        base,
        authorizeUrl({
          client_id: clientId,
          redirect_uri: REDIRECT,
          code_challenge: challenge,
          code_challenge_method: 'S256',
          scope: 'openid',
        }),
        { accessToken: admin, teamId },
      );
      const res = await token({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: redirect.searchParams.get('code')!,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { access_token: string };
      expect(String(decodeJwt(body.access_token).scope).split(' ')).toContain('mcp');
    });

    it('ignores X-Forwarded-* from a peer that is not a trusted proxy', async () => {
      const res = await fetch(`${base}/.well-known/oauth-authorization-server`, {
        headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      });
      const metadata = (await res.json()) as Record<string, string>;
      expect(metadata['token_endpoint']).toBe(`${base}/oauth/token`);
      expect(metadata['authorization_endpoint']).toBe(`${base}/oauth/authorize`);
    });
  });

  describe('refresh tokens', () => {
    it('rotates on use; replaying an old refresh token revokes the whole family', async () => {
      const clientId = await publicClient();
      const { verifier, challenge } = pkce();
      const code = await codeFor(clientId, challenge);
      const first = (await (
        await token({
          grant_type: 'authorization_code',
          client_id: clientId,
          code,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        })
      ).json()) as {
        refresh_token: string;
      };
      const rotated = await token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: first.refresh_token });
      expect(rotated.status).toBe(200);
      const second = (await rotated.json()) as { refresh_token: string; access_token: string };
      expect(second.refresh_token).not.toBe(first.refresh_token);

      const replay = await token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: first.refresh_token });
      expect(replay.status).toBe(400);
      expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
      // The newer refresh token went with the family, and its access token is revoked on satellites.
      const after = await token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: second.refresh_token });
      expect(after.status).toBe(400);
      expect(await revocations()).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'jti', value: decodeJwt(second.access_token).jti })]),
      );
    });
  });

  describe('token revocation (RFC 7009)', () => {
    it('puts a revoked access token on the revocation feed', async () => {
      const clientId = await publicClient();
      const { verifier, challenge } = pkce();
      const code = await codeFor(clientId, challenge);
      const tokens = (await (
        await token({
          grant_type: 'authorization_code',
          client_id: clientId,
          code,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        })
      ).json()) as {
        access_token: string;
      };
      const res = await fetch(`${base}/oauth/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: tokens.access_token, client_id: clientId }).toString(),
      });
      expect(res.status).toBe(200);
      expect(await revocations()).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'jti', value: decodeJwt(tokens.access_token).jti })]),
      );
    });

    it("does not let one client revoke another client's token", async () => {
      const owner = await publicClient();
      const other = await publicClient();
      const { verifier, challenge } = pkce();
      const code = await codeFor(owner, challenge);
      const tokens = (await (
        await token({ grant_type: 'authorization_code', client_id: owner, code, redirect_uri: REDIRECT, code_verifier: verifier })
      ).json()) as {
        access_token: string;
      };
      await fetch(`${base}/oauth/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: tokens.access_token, client_id: other }).toString(),
      });
      expect((await revocations()).map((e) => e.value)).not.toContain(decodeJwt(tokens.access_token).jti);
    });
  });

  describe('client ID metadata documents', () => {
    it('runs the flow for a client known only by its metadata document URL', async () => {
      const clientId = `${cimd.base}/clients/good.json`;
      cimd.documents.set('/clients/good.json', {
        body: {
          client_id: clientId,
          client_name: 'Metadata client',
          redirect_uris: [REDIRECT],
          token_endpoint_auth_method: 'none',
        },
      });
      const { verifier, challenge } = pkce();
      const { redirect, interaction } = await authorizeInBrowser(
        base,
        authorizeUrl({
          client_id: clientId,
          redirect_uri: 'http://127.0.0.1:47999/callback',
          code_challenge: challenge,
          code_challenge_method: 'S256',
        }),
        { accessToken: admin, teamId },
      );
      expect(interaction.client).toMatchObject({ name: 'Metadata client', kind: 'metadata-document' });
      const res = await token({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: redirect.searchParams.get('code')!,
        redirect_uri: 'http://127.0.0.1:47999/callback',
        code_verifier: verifier,
      });
      expect(res.status).toBe(200);
      expect(decodeJwt(((await res.json()) as { access_token: string }).access_token)).toMatchObject({
        client_id: clientId,
        sub: adminId,
        aud: resource,
      });
    });

    it('refuses a document whose client_id is not its own URL', async () => {
      const clientId = `${cimd.base}/clients/liar.json`;
      cimd.documents.set('/clients/liar.json', {
        body: {
          client_id: `${cimd.base}/clients/someone-else.json`,
          client_name: 'Liar',
          redirect_uris: [REDIRECT],
          token_endpoint_auth_method: 'none',
        },
      });
      const out = await authorizeOutcome(
        authorizeUrl({
          client_id: clientId,
          redirect_uri: REDIRECT,
          code_challenge: pkce().challenge,
          code_challenge_method: 'S256',
        }),
      );
      expect(out.status).toBe(400);
      expect(out.location).toBeNull();
      expect(out.body).toContain('invalid_client');
    });

    it('refuses a document at a private address without fetching it', async () => {
      const started = Date.now();
      const out = await authorizeOutcome(
        authorizeUrl({
          client_id: 'https://10.1.2.3/client.json',
          redirect_uri: REDIRECT,
          code_challenge: pkce().challenge,
          code_challenge_method: 'S256',
        }),
      );
      expect(out.status).toBe(400);
      expect(out.body).toContain('invalid_client');
      expect(Date.now() - started).toBeLessThan(2_000); // refused before connecting, not timed out
    });
  });
});

import { decodeJwt } from 'jose';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CookieClient } from '../support/cookie-client.js';
import { authorizeInBrowser } from '../support/oauth-browser.js';
import { pkcePair, REDIRECT, startProtocolStack, stackForSuite } from '../support/oauth-protocol.js';

/**
 * Negative protocol tests: each attack or mistake is refused with the right OAuth error, and nothing leaks (no
 * redirect to an unregistered URI, no token from a reused code). Tokens and client ID metadata documents are in
 * oauth-tokens.integration-spec.ts.
 */
describe('OAuth protocol: refusals', () => {
  const t = stackForSuite(startProtocolStack);

  describe('PKCE', () => {
    it('refuses an authorization request without a code challenge, back at the client with invalid_request', async () => {
      const clientId = await t.publicClient();
      const out = await t.authorizeOutcome(t.authorizeUrl({ client_id: clientId, redirect_uri: REDIRECT }));
      expect(out.location?.origin).toBe('http://127.0.0.1:47000');
      expect(out.location?.searchParams.get('error')).toBe('invalid_request');
      expect(out.location?.searchParams.get('error_description')).toMatch(/PKCE/);
      expect(out.location?.searchParams.get('state')).toBe('st');
    });

    it('refuses the plain method', async () => {
      const clientId = await t.publicClient();
      const { verifier } = pkcePair();
      const out = await t.authorizeOutcome(
        t.authorizeUrl({ client_id: clientId, redirect_uri: REDIRECT, code_challenge: verifier, code_challenge_method: 'plain' }),
      );
      expect(out.location?.searchParams.get('error')).toBe('invalid_request');
      expect(out.location?.searchParams.get('error_description')).toMatch(/code_challenge_method/);
    });

    it('refuses a wrong verifier with invalid_grant', async () => {
      const clientId = await t.publicClient();
      const { challenge } = pkcePair();
      const code = await t.codeFor(clientId, challenge);
      const res = await t.exchange(clientId, code, pkcePair().verifier);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    });
  });

  describe('authorization codes', () => {
    it('refuses a reused code and revokes what the first use produced (refresh token and access token)', async () => {
      const clientId = await t.publicClient();
      const { verifier, challenge } = pkcePair();
      const code = await t.codeFor(clientId, challenge);
      const first = await t.exchange(clientId, code, verifier);
      expect(first.status).toBe(200);
      const tokens = (await first.json()) as { access_token: string; refresh_token: string };
      const second = await t.exchange(clientId, code, verifier);
      expect(second.status).toBe(400);
      expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
      // The refresh token of the first use no longer works...
      const refresh = await t.token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: tokens.refresh_token });
      expect(refresh.status).toBe(400);
      expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
      // ...and its access token is on the revocation feed satellites load.
      const jti = decodeJwt(tokens.access_token).jti;
      expect(await t.revocations()).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'jti', value: jti })]));
    });

    it('refuses an expired code', async () => {
      const clientId = await t.publicClient();
      const { verifier, challenge } = pkcePair();
      const code = await t.codeFor(clientId, challenge);
      await new Promise((resolve) => setTimeout(resolve, 3_200)); // OAUTH_CODE_TTL=3 here
      const res = await t.exchange(clientId, code, verifier);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('refuses a token request whose redirect_uri differs from the authorization request', async () => {
      const clientId = await t.publicClient([REDIRECT, 'http://127.0.0.1:47000/other']);
      const { verifier, challenge } = pkcePair();
      const code = await t.codeFor(clientId, challenge);
      const res = await t.exchange(clientId, code, verifier, 'http://127.0.0.1:47000/other');
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('sends access_denied back to the client when the user denies', async () => {
      const clientId = await t.publicClient();
      const { redirect } = await authorizeInBrowser(t.base, t.codeRequest(clientId), { accessToken: t.admin, deny: true });
      expect(redirect.searchParams.get('error')).toBe('access_denied');
      expect(redirect.searchParams.get('code')).toBeNull();
    });

    it('refuses consent for a team the user is not in, with a field message', async () => {
      const clientId = await t.publicClient();
      const browser = new CookieClient();
      const start = await browser.follow(t.codeRequest(clientId), (next) => new URL(next).pathname.startsWith('/oauth/consent/'));
      const uid = new URL(start.url).pathname.split('/').pop()!;
      const res = await browser.request(`${t.base}/api/oauth/interactions/${uid}/consent`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.admin}` },
        json: { teamId: randomUUID() },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { details: { field: string }[] }).details[0]!.field).toBe('teamId');
      // Without the browser's interaction cookie the request is unknown: another browser can't finish it.
      const stranger = await fetch(`${t.base}/api/oauth/interactions/${uid}/details`, {
        headers: { authorization: `Bearer ${t.admin}` },
      });
      expect(stranger.status).toBe(404);
    });
  });

  describe('redirect URIs', () => {
    it('never redirects to an unregistered URI (open redirect): an error page instead', async () => {
      const clientId = await t.publicClient();
      for (const evil of [
        'https://evil.example/steal',
        'http://127.0.0.1:47000/callback/../evil',
        'http://127.0.0.1.evil.example:47000/callback',
      ]) {
        const out = await t.authorizeOutcome(t.codeRequest(clientId, evil));
        expect(out.status).toBe(400);
        expect(out.location).toBeNull();
        expect(out.body).toContain('redirect_uri did not match any of the client');
        expect(out.body).toContain('data-testid="oauth-error"');
      }
    });

    it('matches a native loopback redirect on any port, but the path exactly', async () => {
      const clientId = await t.publicClient(['http://127.0.0.1/callback']);
      const ok = await t.authorizeOutcome(t.codeRequest(clientId, 'http://127.0.0.1:51234/callback'));
      expect(ok.location?.pathname).toMatch(/^\/api\/oauth\/interactions\//);
      const wrongPath = await t.authorizeOutcome(t.codeRequest(clientId, 'http://127.0.0.1:51234/other'));
      expect(wrongPath.status).toBe(400);
      expect(wrongPath.location).toBeNull();
    });

    it('refuses an unknown client without redirecting anywhere', async () => {
      const out = await t.authorizeOutcome(t.codeRequest('no-such-client'));
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
      const res = await t.register({ client_name: 'bad', token_endpoint_auth_method: 'none', ...metadata });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error });
    });

    it('says why a redirect URI was refused', async () => {
      const res = await t.register({
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
      const malformed = await fetch(`${t.base}/oauth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"redirect_uris": [',
      });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: 'invalid_request' });
      const oversized = await t.register({
        client_name: 'big',
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'none',
        padding: 'x'.repeat(80_000),
      });
      expect(oversized.status).toBe(400);
      expect(await oversized.json()).toMatchObject({ error: 'invalid_request' });
    });

    it('accepts Cursor and VS Code style registrations as native public clients', async () => {
      const cursor = await t.register({
        client_name: 'Cursor',
        redirect_uris: ['cursor://anysphere.cursor-mcp/oauth/callback'],
        token_endpoint_auth_method: 'none',
      });
      expect(cursor.status).toBe(201);
      expect(await cursor.json()).toMatchObject({ application_type: 'native' });
      const vscode = await t.register({
        client_name: 'VS Code',
        redirect_uris: ['http://127.0.0.1:33418', 'https://vscode.dev/redirect'],
        token_endpoint_auth_method: 'none',
      });
      expect(vscode.status).toBe(201);
      expect(await vscode.json()).toMatchObject({ application_type: 'web' });
      const claude = await t.register({
        client_name: 'Claude Code',
        application_type: 'native',
        redirect_uris: ['http://localhost:8123/callback'],
        token_endpoint_auth_method: 'none',
      });
      expect(claude.status).toBe(201);
      // Dynamically registered clients are listed for global admins.
      const all = await request(t.http).get('/api/oauth-clients?limit=100').set('Authorization', `Bearer ${t.admin}`).expect(200);
      expect((all.body.items as { name: string; kind: string }[]).filter((c) => c.kind === 'dynamic').map((c) => c.name)).toEqual(
        expect.arrayContaining(['Cursor', 'VS Code', 'Claude Code']),
      );
    });
  });
});

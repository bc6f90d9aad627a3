import { decodeJwt } from 'jose';
import { authorizeInBrowser } from '../support/oauth-browser.js';
import { pkcePair, REDIRECT, startProtocolStack, stackForSuite } from '../support/oauth-protocol.js';

/**
 * Negative protocol tests, continued from oauth-protocol.integration-spec.ts: what tokens carry and where they stop
 * working (no token from a reused refresh token, none from another client's revocation), and clients known only by
 * a client ID metadata document, refused when the document lies or lives at a private address.
 */
describe('OAuth protocol: refusals', () => {
  const t = stackForSuite(startProtocolStack);

  /** Tokens for a fresh public client of `clientId`, through consent and the code exchange. */
  async function tokensFor(clientId: string): Promise<{ access_token: string; refresh_token: string }> {
    const { verifier, challenge } = pkcePair();
    const code = await t.codeFor(clientId, challenge);
    return (await (await t.exchange(clientId, code, verifier)).json()) as { access_token: string; refresh_token: string };
  }

  describe('scopes and forwarded headers', () => {
    it('grants mcp whatever scope the client names, so the token is one satellites accept', async () => {
      const clientId = await t.publicClient();
      const { verifier, challenge } = pkcePair();
      const { redirect } = await authorizeInBrowser(
        t.base,
        t.authorizeUrl({
          client_id: clientId,
          redirect_uri: REDIRECT,
          code_challenge: challenge,
          code_challenge_method: 'S256',
          scope: 'openid',
        }),
        { accessToken: t.admin, teamId: t.teamId },
      );
      const res = await t.exchange(clientId, redirect.searchParams.get('code')!, verifier);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { access_token: string };
      expect(String(decodeJwt(body.access_token).scope).split(' ')).toContain('mcp');
    });

    it('ignores X-Forwarded-* from a peer that is not a trusted proxy', async () => {
      const res = await fetch(`${t.base}/.well-known/oauth-authorization-server`, {
        headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      });
      const metadata = (await res.json()) as Record<string, string>;
      expect(metadata['token_endpoint']).toBe(`${t.base}/oauth/token`);
      expect(metadata['authorization_endpoint']).toBe(`${t.base}/oauth/authorize`);
    });
  });

  describe('refresh tokens', () => {
    it('rotates on use; replaying an old refresh token revokes the whole family', async () => {
      const clientId = await t.publicClient();
      const first = await tokensFor(clientId);
      const rotated = await t.token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: first.refresh_token });
      expect(rotated.status).toBe(200);
      const second = (await rotated.json()) as { refresh_token: string; access_token: string };
      expect(second.refresh_token).not.toBe(first.refresh_token);

      const replay = await t.token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: first.refresh_token });
      expect(replay.status).toBe(400);
      expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
      // The newer refresh token went with the family, and its access token is revoked on satellites.
      const after = await t.token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: second.refresh_token });
      expect(after.status).toBe(400);
      expect(await t.revocations()).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'jti', value: decodeJwt(second.access_token).jti })]),
      );
    });
  });

  describe('token revocation (RFC 7009)', () => {
    it('puts a revoked access token on the revocation feed', async () => {
      const clientId = await t.publicClient();
      const tokens = await tokensFor(clientId);
      const res = await t.revoke(tokens.access_token, clientId);
      expect(res.status).toBe(200);
      expect(await t.revocations()).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'jti', value: decodeJwt(tokens.access_token).jti })]),
      );
    });

    it("does not let one client revoke another client's token", async () => {
      const owner = await t.publicClient();
      const other = await t.publicClient();
      const tokens = await tokensFor(owner);
      await t.revoke(tokens.access_token, other);
      expect((await t.revocations()).map((e) => e.value)).not.toContain(decodeJwt(tokens.access_token).jti);
    });
  });

  describe('client ID metadata documents', () => {
    it('runs the flow for a client known only by its metadata document URL', async () => {
      const clientId = `${t.cimd.base}/clients/good.json`;
      t.cimd.documents.set('/clients/good.json', {
        body: {
          client_id: clientId,
          client_name: 'Metadata client',
          redirect_uris: [REDIRECT],
          token_endpoint_auth_method: 'none',
        },
      });
      const { verifier, challenge } = pkcePair();
      const { redirect, interaction } = await authorizeInBrowser(
        t.base,
        t.codeRequest(clientId, 'http://127.0.0.1:47999/callback', challenge),
        { accessToken: t.admin, teamId: t.teamId },
      );
      expect(interaction.client).toMatchObject({ name: 'Metadata client', kind: 'metadata-document' });
      const res = await t.exchange(clientId, redirect.searchParams.get('code')!, verifier, 'http://127.0.0.1:47999/callback');
      expect(res.status).toBe(200);
      expect(decodeJwt(((await res.json()) as { access_token: string }).access_token)).toMatchObject({
        client_id: clientId,
        sub: t.adminId,
        aud: t.resource,
      });
    });

    it('refuses a document whose client_id is not its own URL', async () => {
      const clientId = `${t.cimd.base}/clients/liar.json`;
      t.cimd.documents.set('/clients/liar.json', {
        body: {
          client_id: `${t.cimd.base}/clients/someone-else.json`,
          client_name: 'Liar',
          redirect_uris: [REDIRECT],
          token_endpoint_auth_method: 'none',
        },
      });
      const out = await t.authorizeOutcome(t.codeRequest(clientId));
      expect(out.status).toBe(400);
      expect(out.location).toBeNull();
      expect(out.body).toContain('invalid_client');
    });

    it('refuses a document at a private address without fetching it', async () => {
      const started = Date.now();
      const out = await t.authorizeOutcome(t.codeRequest('https://10.1.2.3/client.json'));
      expect(out.status).toBe(400);
      expect(out.body).toContain('invalid_client');
      expect(Date.now() - started).toBeLessThan(2_000); // refused before connecting, not timed out
    });
  });
});

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { auth, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { randomBytes } from 'node:crypto';
import { SigningKeys } from '../../modules/oauth/signing-keys.js';
import { authorizeInBrowser } from '../support/oauth-browser.js';
import {
  authorizeUrl,
  pkcePair,
  registerClient,
  startAuthorizationServerStack,
  tokenRequest,
  stackForSuite,
} from '../support/oauth-protocol.js';

/** How long after a rotation the new key signs in the rotation test: far more than the reload interval (200 ms). */
const ACTIVATION_DELAY_MS = 6_000;

/**
 * The authorization server against real clients, continued from oauth.integration-spec.ts: the MCP SDK's own OAuth
 * client (discovery, dynamic registration, authorization code with PKCE, refresh), the conformance checks of the code
 * flow over plain HTTP, and signing key rotation. The rotation test changes the stack's signing key: it stays last.
 */
describe('OAuth authorization server', () => {
  const t = stackForSuite(startAuthorizationServerStack);

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
      expect(await auth(provider, { serverUrl: t.mcp.url })).toBe('REDIRECT');
      // Registered dynamically as a native public client: loopback redirect, no secret.
      expect(provider.info?.client_id).toBeDefined();
      expect((provider.info as { client_secret?: string }).client_secret).toBeUndefined();
      const authorizationUrl = provider.authorizationUrl!;
      expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorizationUrl.searchParams.get('resource')).toBe(t.mcp.resource);

      const { redirect, interaction } = await authorizeInBrowser(t.base, authorizationUrl.toString(), {
        accessToken: t.alice,
        teamId: t.teamId,
      });
      expect(interaction.client).toMatchObject({ name: 'SDK test client', redirectHost: '127.0.0.1:53682', kind: 'dynamic' });
      expect(interaction.teams.map((tm) => tm.id)).toContain(t.teamId);
      // Conformance: the redirect carries code, state and iss (RFC 9207). The SDK checks neither: we do.
      expect(`${redirect.origin}${redirect.pathname}`).toBe('http://127.0.0.1:53682/callback');
      expect(redirect.searchParams.get('state')).toBe(provider.expectedState);
      expect(redirect.searchParams.get('iss')).toBe(t.base);
      const code = redirect.searchParams.get('code')!;
      expect(code).toBeTruthy();

      expect(await auth(provider, { serverUrl: t.mcp.url, authorizationCode: code })).toBe('AUTHORIZED');
      const first = provider.saved!;
      expect(first.refresh_token).toBeDefined();
      const claims = decodeJwt(first.access_token);
      expect(decodeProtectedHeader(first.access_token).typ).toBe('at+jwt');
      expect(claims).toMatchObject({
        iss: t.base,
        sub: t.aliceId,
        team: t.teamId,
        aud: t.mcp.resource,
        scope: 'mcp',
        client_id: provider.info!.client_id,
      });

      // Refresh with rotation: the SDK posts the refresh token and gets a new pair.
      provider.saved = { ...first, access_token: 'expired' };
      expect(await auth(provider, { serverUrl: t.mcp.url })).toBe('AUTHORIZED');
      expect(provider.saved.refresh_token).toBeDefined();
      expect(provider.saved.refresh_token).not.toBe(first.refresh_token);
      expect(decodeJwt(provider.saved.access_token)).toMatchObject({ sub: t.aliceId, team: t.teamId });

      // And the SDK's MCP client uses it.
      const client = new Client({ name: 'sdk-oauth', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(t.mcp.url), { authProvider: provider }));
      const tools = await client.listTools();
      expect(tools.tools.map((tool) => tool.name)).toEqual(['whoami']);
      await client.close();
    });
  });

  describe('conformance: authorization code', () => {
    it('redirects with code, state and iss, and answers the token request with Cache-Control: no-store', async () => {
      const registered = await registerClient(t.base, {
        client_name: 'raw client',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1:40000/cb'],
      });
      expect(registered.status).toBe(201);
      const { client_id } = (await registered.json()) as { client_id: string };
      const pkce = pkcePair();
      const url = authorizeUrl(t.base, {
        client_id,
        redirect_uri: 'http://127.0.0.1:40000/cb',
        state: 'st-1',
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
      });
      const { redirect } = await authorizeInBrowser(t.base, url, { accessToken: t.alice, teamId: t.teamId });
      expect(redirect.searchParams.get('state')).toBe('st-1');
      expect(redirect.searchParams.get('iss')).toBe(t.base);
      const res = await tokenRequest(t.base, {
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
      const created = await t.createClient(t.alice, { name: 'rotation' });
      const token = async () =>
        (
          (await (await t.clientCredentials(created.body.clientId, created.body.clientSecret)).json()) as {
            access_token: string;
          }
        ).access_token;
      const jwks = async () => (await (await fetch(`${t.base}/oauth/jwks`)).json()) as JSONWebKeySet;
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
        await expect(
          jwtVerify(signed, createLocalJWKSet(keys), { issuer: t.base, audience: t.mcp.resource }),
        ).resolves.toBeDefined();
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
});

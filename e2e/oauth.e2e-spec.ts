import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { dialogOpened, openDialog, signIn, signOut } from './support/console.js';
import { startStack, type Stack } from './support/stack.js';

const ALICE = { email: 'alice.dev@example.com', password: 'Alice-Strong-pass-62' };

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * OAuth for MCP clients in the console, on the real quick start (SQLite): client credentials made in the console and
 * used as in the brief, the Connect page, and an MCP client's sign-in (login with return, consent with the team
 * picker, back to the client's loopback redirect with a code it exchanges).
 */
describe('OAuth for MCP clients in the console', () => {
  let stack: Stack;
  let browser: BrowserContext;
  let page: Page;
  let admin: Api;
  let adminLogin: { email: string; password: string };
  let teamId: string;
  let aliceId: string;

  beforeAll(async () => {
    stack = await startStack();
    adminLogin = JSON.parse(readFileSync(join(stack.dataDir, 'admin-login.json'), 'utf8')) as { email: string; password: string };
    admin = await Api.signIn(stack.url, adminLogin.email, adminLogin.password);
    aliceId = (await admin.call<{ id: string }>('POST', '/api/users', { ...ALICE, name: 'Alice Dev' })).id;
    teamId = (await admin.call<{ id: string }>('POST', '/api/teams', { name: 'Platform' })).id;
    await admin.call('POST', `/api/teams/${teamId}/members`, { email: ALICE.email, role: 'team_user' });
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const byId = (id: string) => page.getByTestId(id);

  function clientCredentials(clientId: string, secret: string): Promise<Response> {
    return fetch(`${stack.url}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
  }

  it('lets a member create client credentials, shows the secret once, and the brief config works with it', async () => {
    await signIn(page, stack.url, ALICE.email, ALICE.password);
    await page.goto(`${stack.url}/teams/${teamId}/oauth-clients`);
    await openDialog(page, byId('oauth-clients-create'));
    await byId('oauth-client-name-input').fill('CI pipeline');
    await screenshot(page, 'oauth', '01-new-client');
    await byId('oauth-client-save').click();
    await byId('client-secret-value').waitFor();
    const clientId = (await byId('client-secret-client-id').textContent())!.trim();
    const secret = (await byId('client-secret-value').textContent())!.trim();
    expect(secret).toMatch(/^orbit_cs_/);
    const snippet = JSON.parse((await byId('client-secret-snippet').textContent())!) as {
      mcpServers: { orbit: { url: string; oauth: { client_id: string; client_secret: string } } };
    };
    expect(snippet.mcpServers.orbit).toEqual({
      url: `${stack.satelliteUrl}/mcp`,
      oauth: { client_id: clientId, client_secret: secret },
    });
    await dialogOpened(page, 'client-secret-value');
    await screenshot(page, 'oauth', '02-secret-shown-once');
    await byId('client-secret-done').click();
    await byId('client-secret-value').waitFor({ state: 'detached' });
    await byId('oauth-client-row').first().waitFor();
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, 'oauth', '03-clients-list');

    const res = await clientCredentials(clientId, secret);
    expect(res.status).toBe(200);
    const claims = claimsOf(((await res.json()) as { access_token: string }).access_token);
    expect(claims).toMatchObject({ sub: aliceId, team: teamId, client_id: clientId, aud: `${stack.satelliteUrl}/mcp` });

    // Revoking in the console ends it: the next token request is refused.
    await byId('oauth-client-revoke').first().click();
    await byId('confirm-ok').click();
    await byId('oauth-client-row').waitFor({ state: 'detached' });
    expect((await clientCredentials(clientId, secret)).status).toBe(401);
  });

  it('shows the team MCP URL and ready-to-paste setups on the Connect page', async () => {
    await page.goto(`${stack.url}/connect?teamId=${teamId}`);
    await byId('connect-mcp-url').waitFor();
    expect((await byId('connect-mcp-url').textContent())!.trim()).toBe(`${stack.satelliteUrl}/mcp`);
    expect(await byId('connect-snippet-vscode').textContent()).toContain(`${stack.satelliteUrl}/mcp`);
    await screenshot(page, 'oauth', '04-connect-vscode');
    await byId('connect-tab-claude-code').click();
    expect(await byId('connect-snippet-claude-code').textContent()).toContain(
      `claude mcp add --transport http orbit ${stack.satelliteUrl}/mcp`,
    );
    await screenshot(page, 'oauth', '05-connect-claude-code');
    await signOut(page);
  });

  it("signs an MCP client in: login that returns to consent, team picker, then the client's redirect with a code", async () => {
    // The MCP client: a loopback redirect listener, dynamically registered, PKCE.
    let received: URL | undefined;
    const callback: Server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/callback') received = url; // not the browser's /favicon.ico
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<h1 data-testid="client-callback">Signed in. You can close this tab.</h1>');
    });
    await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
    const redirectUri = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/callback`;
    try {
      const registration = await fetch(`${stack.url}/oauth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_name: 'My MCP client', redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' }),
      });
      expect(registration.status).toBe(201);
      const { client_id: clientId } = (await registration.json()) as { client_id: string };
      const verifier = randomBytes(32).toString('base64url');
      const authorize = new URL(`${stack.url}/oauth/authorize`);
      for (const [k, v] of Object.entries({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        state: 'e2e-state',
      })) {
        authorize.searchParams.set(k, v);
      }

      await page.goto(authorize.toString());
      await page.waitForURL(/\/login\?returnUrl=/);
      await screenshot(page, 'oauth', '06-login-for-client');
      await page.getByTestId('login-email').fill(ALICE.email);
      await page.getByTestId('login-password').fill(ALICE.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/oauth\/consent\//);
      await byId('consent-client-name').waitFor();
      expect(await byId('consent-client-name').textContent()).toContain('My MCP client');
      expect(await byId('consent-redirect-host').textContent()).toContain(new URL(redirectUri).host);
      await byId('consent-unregistered').waitFor();
      await page.locator(`[data-testid="consent-team-option"][data-team-id="${teamId}"] input`).check();
      await screenshot(page, 'oauth', '07-consent');
      await byId('consent-allow').click();
      await page.getByTestId('client-callback').waitFor();
      await screenshot(page, 'oauth', '08-back-at-the-client');

      expect(received?.searchParams.get('state')).toBe('e2e-state');
      expect(received?.searchParams.get('iss')).toBe(stack.url);
      const code = received?.searchParams.get('code');
      expect(code).toBeTruthy();
      const token = await fetch(`${stack.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: clientId,
          code: code!,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }).toString(),
      });
      expect(token.status).toBe(200);
      const body = (await token.json()) as { access_token: string; refresh_token?: string };
      expect(body.refresh_token).toBeDefined();
      expect(claimsOf(body.access_token)).toMatchObject({
        sub: aliceId,
        team: teamId,
        aud: `${stack.satelliteUrl}/mcp`,
        scope: 'mcp',
      });
    } finally {
      callback.close();
    }
  });

  it('lists every client, dynamic ones included, for global admins', async () => {
    await signIn(page, stack.url, adminLogin.email, adminLogin.password);
    await page.goto(`${stack.url}/oauth-clients`);
    await page.getByText('My MCP client').first().waitFor();
    await screenshot(page, 'oauth', '09-all-clients');
  });
});

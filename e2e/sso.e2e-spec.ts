import type { BrowserContext, Page } from 'playwright-core';
import { startIdentityProvider, type TestIdentityProvider } from '../backend/src/test/support/identity-provider.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { freePort, startStack, type Stack } from './support/stack.js';

describe('single sign-on in the browser', () => {
  let idp: TestIdentityProvider;
  let stack: Stack;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const port = await freePort();
    idp = await startIdentityProvider(`http://127.0.0.1:${port}/api/auth/sso/callback`);
    stack = await startStack(
      {
        SSO_ISSUER: idp.issuer,
        SSO_CLIENT_ID: idp.clientId,
        SSO_CLIENT_SECRET: idp.clientSecret,
        SSO_ALLOWED_DOMAINS: 'corp.example',
        SSO_LABEL: 'Corp SSO',
      },
      { port },
    );
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await idp?.close();
  });

  async function signInAtProvider(login: string): Promise<void> {
    await page.goto(`${stack.url}/login`);
    await page.getByTestId('login-sso').click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('anything');
    await screenshot(page, 'sso', `${login.split('@')[0]}-provider-login`);
    await page.locator('button[type=submit]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs a new corporate user in and creates the account just in time', async () => {
    await signInAtProvider('sam.sso@corp.example');
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain('sam sso');
    await screenshot(page, 'sso', 'signed-in');
  });

  it('ends on the login page with the reason when the domain is not allowed', async () => {
    await page.context().clearCookies();
    await signInAtProvider('eve@elsewhere.example');
    await page.waitForURL(/\/login\?error=sso_not_allowed/);
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain('not allowed to sign in to Orbit');
    await screenshot(page, 'sso', 'not-allowed');
  });
});

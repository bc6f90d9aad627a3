import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser.js';
import { openDialog, signIn, signOut } from './support/console.js';
import { startStack, type Stack } from './support/stack.js';

const USER = { email: 'tess.user@example.com', name: 'Tess User', password: 'Tess-Strong-pass-42' };
const TEAM = 'Payments Platform';

describe('identity in the console', () => {
  let stack: Stack;
  let browser: BrowserContext;
  let page: Page;
  let admin: { email: string; password: string };

  beforeAll(async () => {
    stack = await startStack();
    admin = JSON.parse(readFileSync(join(stack.dataDir, 'admin-login.json'), 'utf8')) as { email: string; password: string };
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets a global admin create a team and a user, and add the user as team_user', async () => {
    await signIn(page, stack.url, admin.email, admin.password);
    await screenshot(page, 'identity', '01-admin-home');

    await page.getByTestId('nav-teams').click();
    await openDialog(page, page.getByTestId('teams-create'));
    await page.getByTestId('team-name').fill(TEAM);
    await page.getByTestId('team-save').click();
    await page.getByTestId('team-row').filter({ hasText: TEAM }).waitFor();
    await screenshot(page, 'identity', '02-team-created');

    await page.getByTestId('nav-users').click();
    await openDialog(page, page.getByTestId('users-create'));
    await page.getByTestId('user-email').fill(USER.email);
    await page.getByTestId('user-name').fill(USER.name);
    // A weak password is refused with the server's reason next to the field.
    await page.getByTestId('user-password').fill('short');
    const [refused] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/api/users') && res.request().method() === 'POST'),
      page.getByTestId('user-save').click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.getByText('password must be at least 12 characters long').waitFor();
    await screenshot(page, 'identity', '03-weak-password-refused');
    await page.getByTestId('user-password').fill(USER.password);
    await page.getByTestId('user-save').click();
    await page.getByTestId('user-row').filter({ hasText: USER.email }).waitFor();
    await screenshot(page, 'identity', '04-user-created');

    await page.getByTestId('nav-teams').click();
    await page.getByTestId('team-row').filter({ hasText: TEAM }).click();
    await page.getByTestId('member-email').fill(USER.email);
    await page.getByTestId('member-add').click();
    await page.getByTestId('member-row').filter({ hasText: USER.email }).filter({ hasText: /user/i }).waitFor();
    await screenshot(page, 'identity', '05-member-added');
  });

  it('shows the team_user no admin controls', async () => {
    await signOut(page);
    await signIn(page, stack.url, USER.email, USER.password);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await screenshot(page, 'identity', '06-user-home');

    await page.getByTestId('nav-teams').click();
    await page.getByTestId('team-row').filter({ hasText: TEAM }).click();
    await page.getByTestId('member-row').filter({ hasText: USER.email }).waitFor();
    expect(await page.getByTestId('member-add').count()).toBe(0);
    expect(await page.getByTestId('member-email').count()).toBe(0);
    expect(await page.getByTestId('team-delete').count()).toBe(0);
    await screenshot(page, 'identity', '07-user-team-page');

    // The API agrees with the screen: the users list is refused.
    const token = await page.evaluate(async () => {
      const res = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'include' });
      return ((await res.json()) as { accessToken: string }).accessToken;
    });
    const res = await fetch(`${stack.url}/api/users`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
  });

  it('shows the audit trail of what happened', async () => {
    await signOut(page);
    await signIn(page, stack.url, admin.email, admin.password);
    await page.getByTestId('nav-audit').click();
    await page.getByText('team.member.add').first().waitFor();
    await screenshot(page, 'identity', '08-audit-log');
  });
});

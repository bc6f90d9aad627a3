import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { Api } from './support/api.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { signIn, signOut } from './support/console.js';
import { startStack, type Stack } from './support/stack.js';

const SECRET = 'sk-team-e2e-7d1f0c';
const TINA = { email: 'tina.admin@example.com', password: 'Tina-Strong-pass-51' };
const ALICE = { email: 'alice.dev@example.com', password: 'Alice-Strong-pass-62' };

/** The product brief's flow in the console: define the entry across three tiers, install it, configure it. */
describe("the brief's filesystem flow in the console", () => {
  let stack: Stack;
  let browser: BrowserContext;
  let page: Page;
  let admin: Api;
  let teamId: string;
  let serverId: string;
  let installationId: string;

  beforeAll(async () => {
    stack = await startStack();
    const login = JSON.parse(readFileSync(join(stack.dataDir, 'admin-login.json'), 'utf8')) as {
      email: string;
      password: string;
    };
    admin = await Api.signIn(stack.url, login.email, login.password);
    await admin.call('POST', '/api/users', { ...TINA, name: 'Tina Admin' });
    await admin.call('POST', '/api/users', { ...ALICE, name: 'Alice Dev' });
    teamId = (await admin.call<{ id: string }>('POST', '/api/teams', { name: 'Platform' })).id;
    await admin.call('POST', `/api/teams/${teamId}/members`, { email: TINA.email, role: 'team_admin' });
    await admin.call('POST', `/api/teams/${teamId}/members`, { email: ALICE.email, role: 'team_user' });
    browser = await launchBrowser();
    page = await browser.newPage();
    await signIn(page, stack.url, login.email, login.password);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const byId = (id: string, root: Page | Locator = page) => root.getByTestId(id);

  async function addElement(
    tier: string,
    target: string,
    fill: { name: string; type: string; required?: boolean; repeated?: boolean; default?: string },
  ) {
    await byId(`element-add-${tier}-${target}`).click();
    const row = byId(`elements-${tier}-${target}`).getByTestId('element-row').last();
    await byId('element-name', row).fill(fill.name);
    await byId('element-type', row).selectOption(fill.type);
    if (fill.required) await byId('element-required', row).locator('input').check();
    if (fill.repeated) await byId('element-repeated', row).locator('input').check();
    if (fill.default !== undefined) await byId('element-default', row).fill(fill.default);
  }

  it('lets a global admin define the entry across template, team and user tiers', async () => {
    await page.goto(`${stack.url}/catalog/new`);
    await byId('entry-name').fill('io.github.modelcontextprotocol/server-filesystem');
    await byId('entry-title').fill('Filesystem');
    await byId('entry-description').fill('File operations');
    await byId('entry-version').fill('2026.8.31');
    await byId('transport-command').fill('npx');
    await byId('transport-package').fill('@modelcontextprotocol/server-filesystem');
    await byId('transport-package-version').fill('2026.8.31');
    await byId('template-arg-add').click();
    await byId('template-arg').last().fill('-y');
    await byId('template-arg-add').click();
    await byId('template-arg').last().fill('@modelcontextprotocol/server-filesystem');
    await byId('template-env-add').click();
    await byId('template-env-name').last().fill('PROTOCOL_VERSION');
    await byId('template-env-value').last().fill('1.0');
    await addElement('team', 'env', { name: 'SHARED_API_KEY', type: 'secret', required: true });
    await addElement('user', 'args', { name: 'directories', type: 'filepath', required: true, repeated: true });
    await addElement('user', 'env', { name: 'DEBUG', type: 'boolean', default: 'false' });
    await screenshot(page, 'catalog', '01-schema-editor');
    await byId('entry-save').click();
    await page.waitForURL(/\/catalog\/[0-9a-f-]{36}$/);
    serverId = page.url().split('/').pop()!;
    await page.getByText('SHARED_API_KEY').first().waitFor();
    await screenshot(page, 'catalog', '02-entry-detail');

    const versions = await admin.call<{ items: { config: unknown }[] }>('GET', `/api/catalog/servers/${serverId}/versions`);
    expect(versions.items[0]?.config).toEqual({
      template: { args: ['-y', '@modelcontextprotocol/server-filesystem'], env: { PROTOCOL_VERSION: '1.0' } },
      team: { env: [{ name: 'SHARED_API_KEY', type: 'secret', required: true }] },
      user: {
        args: [{ name: 'directories', type: 'filepath', required: true, repeated: true }],
        env: [{ name: 'DEBUG', type: 'boolean', default: 'false' }],
      },
    });
  });

  it('lets a team admin install it with a team secret', async () => {
    await signOut(page);
    await signIn(page, stack.url, TINA.email, TINA.password);
    await page.goto(`${stack.url}/teams/${teamId}/install/${serverId}`);
    await byId('install-value-env-SHARED_API_KEY').fill(SECRET);
    await screenshot(page, 'catalog', '03-install-wizard');
    await byId('install-save').click();
    await page.waitForURL(/\/installations\/[0-9a-f-]{36}$/);
    installationId = page.url().split('/').pop()!;
    await byId('installation-status').filter({ hasText: /ready/i }).waitFor();
    expect(await page.content()).not.toContain(SECRET);
    await screenshot(page, 'catalog', '04-installation');
  });

  it('lets a member set their directories and shows the masked effective config', async () => {
    await signOut(page);
    await signIn(page, stack.url, ALICE.email, ALICE.password);
    await page.goto(`${stack.url}/teams/${teamId}/installations/${installationId}/my-config`);
    await byId('effective-status')
      .filter({ hasText: /awaiting/i })
      .waitFor();
    const directories = ['/Users/alice/Development', '/Users/alice/Projects'];
    while ((await byId('my-value-args-directories').count()) < directories.length) await byId('my-value-add-directories').click();
    for (const [i, dir] of directories.entries()) await byId('my-value-args-directories').nth(i).fill(dir);
    await byId('my-value-env-DEBUG').selectOption('true');
    await byId('my-config-save').click();
    await byId('effective-status').filter({ hasText: /ready/i }).waitFor();
    const readout = (await byId('effective-config').textContent()) ?? '';
    expect(readout).toContain('/Users/alice/Projects');
    expect(readout).toContain('*****');
    expect(readout).toContain('PROTOCOL_VERSION');
    expect(readout).not.toContain(SECRET);
    await byId('effective-config').scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog', '05-my-configuration');

    const effective = await (
      await Api.signIn(stack.url, ALICE.email, ALICE.password)
    ).call('GET', `/api/teams/${teamId}/installations/${installationId}/effective-config`);
    expect(effective).toEqual({
      transportType: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', ...directories],
      env: { PROTOCOL_VERSION: '1.0', SHARED_API_KEY: '*****', DEBUG: 'true' },
      status: 'ready',
      missing: [],
      invalid: [],
    });
  });
});

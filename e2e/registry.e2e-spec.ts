import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser.js';
import { signIn } from './support/console.js';
import { startRegistry } from './support/registry.js';
import { startStack, type Stack } from './support/stack.js';

/** A global admin syncs the catalog from the registry in the console, on the real quick start (SQLite). */
describe('registry sync in the console', () => {
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  let stack: Stack;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    registry = await startRegistry(250);
    stack = await startStack({ REGISTRY_URL: registry.url, REGISTRY_SYNC_CRON: 'off' });
    const login = JSON.parse(readFileSync(join(stack.dataDir, 'admin-login.json'), 'utf8')) as {
      email: string;
      password: string;
    };
    browser = await launchBrowser();
    page = await browser.newPage();
    await signIn(page, stack.url, login.email, login.password);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await registry?.close();
  });

  it('runs a full sync with live progress, lists the run and explains what it skipped', async () => {
    await page.goto(`${stack.url}/registry`);
    await page.getByTestId('registry-sync-full').click();
    await page.getByTestId('registry-run-progress').waitFor();
    await screenshot(page, 'registry', '01-sync-running');
    await page
      .getByTestId('registry-run-status')
      .filter({ hasText: /succeeded/i })
      .first()
      .waitFor({ timeout: 120_000 });
    const seen = Number((await page.getByTestId('registry-run-seen').first().textContent())!.replace(/\D/g, ''));
    expect(seen).toBe(250);
    const imported = Number((await page.getByTestId('registry-run-imported').first().textContent())!.replace(/\D/g, ''));
    expect(imported).toBeGreaterThan(200);
    await page.getByTestId('registry-run-row').first().waitFor();
    await screenshot(page, 'registry', '02-sync-succeeded');

    await page.getByTestId('registry-run-open').first().click();
    await page.getByTestId('registry-run-title').waitFor();
    await screenshot(page, 'registry', '03-run-details');
  });

  it('shows imported entries in the catalog with their source', async () => {
    await page.goto(`${stack.url}/catalog`);
    await page.getByTestId('catalog-source-chip').first().waitFor();
    expect(await page.getByTestId('catalog-source-chip').first().textContent()).toMatch(/registry/i);
    await screenshot(page, 'registry', '04-catalog-from-registry');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser.js';
import { startStack, type Stack } from './support/stack.js';

describe('quick start on the embedded default', () => {
  let stack: Stack;
  let browser: BrowserContext;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (stack && stack.process.exitCode === null) stack.process.kill('SIGKILL');
  });

  it('answers /api/health ok within 2 minutes', async () => {
    expect(stack.healthyAfterMs).toBeGreaterThan(0);
    expect(stack.healthyAfterMs).toBeLessThan(120_000);
    const health = await (await fetch(`${stack.url}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', checks: { db: 'ok', redis: 'ok' } });
  });

  it('prints the console URL and the generated admin login', () => {
    const login = JSON.parse(readFileSync(join(stack.dataDir, 'admin-login.json'), 'utf8')) as {
      email: string;
      password: string;
    };
    expect(stack.output()).toContain(`Console:     ${stack.url}/`);
    expect(stack.output()).toContain(`Admin login: ${login.email} / ${login.password}`);
  });

  it('serves the console at /', async () => {
    const res = await fetch(`${stack.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<orbit-root>');
  });

  it('runs a satellite next to the backend', async () => {
    const res = await fetch(`${stack.satelliteUrl}/health`);
    expect(res.status).toBe(200);
  });

  it('renders the login page in Chromium', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${stack.url}/`);
    // Signed out: the console sends the visitor to the login page.
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Sign in to Orbit' }).waitFor();
    expect(await page.getByTestId('login-email').isVisible()).toBe(true);
    expect(await page.getByTestId('login-password').isVisible()).toBe(true);
    // The icon font ships with the console (no CDN): the logo glyph must have rendered from it.
    await screenshot(page, 'foundation', 'login');
    const iconFont = await page.evaluate(async () => {
      await document.fonts.ready;
      const faces: FontFace[] = [];
      document.fonts.forEach((face) => faces.push(face));
      return faces.filter((f) => f.family.includes('Material Symbols')).map((f) => f.status);
    });
    expect(iconFont).toContain('loaded');

    await page.getByTestId('login-email').fill('not-an-email');
    await page.getByTestId('login-submit').click();
    await page.getByText('Enter a valid email address').waitFor();
    await screenshot(page, 'foundation', 'login-validation');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops everything it started on Ctrl-C', async () => {
    const code = await stack.stop();
    expect(code).toBe(0);
    await expect(fetch(`${stack.url}/api/health`)).rejects.toThrow();
    await expect(fetch(`${stack.satelliteUrl}/health`)).rejects.toThrow();
  });
});

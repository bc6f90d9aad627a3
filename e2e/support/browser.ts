import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { addFailureReporter } from './failure-report.js';
import { REPO_ROOT } from './stack.js';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'artifacts', 'screenshots');

/** Debian's Chromium through playwright-core, in a throwaway profile and HOME (TOOLCHAIN pitfall 8). */
export async function launchBrowser(): Promise<BrowserContext> {
  const home = mkdtempSync(join(tmpdir(), 'orbit-chromium-'));
  const context = await chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, HOME: home },
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  reportOnFailure(context);
  return context;
}

const EVENTS_KEPT = 20;
const TEXT_SHOWN = 1_500;

/**
 * Keeps each page's last API answers and console errors, and registers a report that the e2e test environment
 * (support/environment.mjs) adds to a failed test's message, with a screenshot under screenshots/failures/.
 */
function reportOnFailure(context: BrowserContext): void {
  const events = new Map<Page, string[]>();
  const note = (page: Page, line: string): void => {
    const kept = events.get(page) ?? [];
    kept.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    events.set(page, kept.slice(-EVENTS_KEPT));
  };
  const watch = (page: Page): void => {
    events.set(page, []);
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') note(page, `console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => note(page, `page error: ${error.message}`));
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/oauth/')) {
        note(page, `${response.request().method()} ${url.pathname} → ${response.status()}`);
      }
    });
    page.on('requestfailed', (request) =>
      note(page, `${request.method()} ${request.url()} failed: ${request.failure()?.errorText ?? '?'}`),
    );
    page.on('close', () => events.delete(page));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  const report = async (title: string): Promise<string> => {
    const lines: string[] = [];
    let n = 0;
    for (const [page, seen] of events) {
      if (page.url() === 'about:blank' && seen.length === 0) continue;
      const name = `${title.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 80)}-${++n}`;
      const shot = await screenshot(page, 'failures', name).catch((err: Error) => `none (${err.message})`);
      const text = await page.evaluate(() => document.body.innerText).catch((err: Error) => `(unreadable: ${err.message})`);
      lines.push(
        `page ${page.url()}`,
        `screenshot ${shot}`,
        'last events:',
        ...seen.map((line) => `  ${line}`),
        'visible text:',
        text.replace(/\n{2,}/g, '\n').slice(0, TEXT_SHOWN),
      );
    }
    return lines.join('\n');
  };
  context.on('close', addFailureReporter(report));
}

/** Saves a full-page screenshot under artifacts/screenshots/<suite>/<name>.png for reviewers. */
export async function screenshot(page: Page, suite: string, name: string): Promise<string> {
  const dir = join(SCREENSHOT_DIR, suite);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './stack.js';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'artifacts', 'screenshots');

/** Debian's Chromium through playwright-core, in a throwaway profile and HOME (TOOLCHAIN pitfall 8). */
export async function launchBrowser(): Promise<BrowserContext> {
  const home = mkdtempSync(join(tmpdir(), 'orbit-chromium-'));
  return chromium.launchPersistentContext(join(home, 'profile'), {
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
}

/** Saves a full-page screenshot under artifacts/screenshots/<suite>/<name>.png for reviewers. */
export async function screenshot(page: Page, suite: string, name: string): Promise<string> {
  const dir = join(SCREENSHOT_DIR, suite);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

// Chromium for the browser journeys: Debian's build driven by playwright-core.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      // Reduced motion (decision 0850): no transitions or chart animations to draw on a shared 2-core machine.
      ...(process.env.E2E_MOTION === '1' ? [] : ['--force-prefers-reduced-motion']),
    ],
  });
}

/** Where the journeys save their screenshots. */
export const SHOTS = 'test-results/e2e';
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' };
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/**
 * A new page that asks for `path`, is sent to the login form, logs in there and
 * lands back on `path`. Uncaught page errors are pushed to `pageErrors`.
 */
export async function openLoggedIn(
  browser: Browser,
  baseUrl: string,
  path: string,
  [username, password]: readonly [string, string],
  { options = DESKTOP, pageErrors }: { options?: BrowserContextOptions; pageErrors?: string[] } = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  if (pageErrors) page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(new RegExp(path));
  return page;
}

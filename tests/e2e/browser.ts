// Chromium for the browser journeys: Debian's build driven by playwright-core.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

// Debian's headless shell when it is installed (decision 0856): the same Chromium build without the browser's
// windowing layers, ~35 % less CPU for the same journey; otherwise the full browser in its headless mode.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

// One Chromium per journey file. Sharing one per test process (decision 0854) saved ~1.5 s of Chromium CPU a
// file, but two runs of the journeys on a loaded machine then failed late in a half (a GPS check-in, a menu
// that never opened) where per-file browsers had passed in CI; withdrawn until that is understood.
export function launchChromium(): Promise<Browser> {
  return startChromium();
}

async function startChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium chromium-headless-shell fonts-noto-cjk) or set CHROMIUM_PATH`);
  }
  const browser = await chromium.launch({
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
      // V8's flags for the pages, none by default. `--max-opt=1` (baseline compiler only) spent ~5 % less of
      // Chromium's CPU but made each click's rendering slower, and journeys lost clicks under load: withdrawn
      // (decision 0858). E2E_JSFLAGS sets them for a measurement.
      ...(process.env.E2E_JSFLAGS ? [`--js-flags=${process.env.E2E_JSFLAGS}`] : []),
    ],
  });
  // The app's service worker (the offline shell) is kept out of every context unless a journey asks for it with
  // `serviceWorkers: 'allow'`, as the offline visit does: it passes each file of the app through its fetch handler
  // and copies it into its cache, 10–20 % of Chromium's CPU in journeys that never go offline (decision 0858).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options: BrowserContextOptions = {}) => newContext({ serviceWorkers: 'block', ...options });
  return browser;
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
  await page.waitForURL(new RegExp(path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return page;
}

/**
 * One logged-in page per account (and context options) for a file (decision 0855). The first call for an account
 * opens a context and logs in through the form, as `openLoggedIn` does (one full load of the app); later calls reuse
 * that page and go to `path` inside the app with `showScreen`, so the screen is mounted and loads its data anew
 * without the ~3 s of Chromium CPU a new context and a full load cost. A page whose context a test closed is opened
 * again on the next call. The caller waits for what the screen shows, as after a login.
 */
export function sessionPages(browser: Browser, baseUrl: string, { pageErrors }: { pageErrors?: string[] } = {}) {
  const open = new Map<string, Promise<Page>>();
  return async (path: string, account: readonly [string, string], options: BrowserContextOptions = DESKTOP): Promise<Page> => {
    const key = JSON.stringify([account[0], options]);
    const known = await open.get(key)?.catch(() => undefined);
    if (known && !known.isClosed()) {
      await showScreen(known, path);
      return known;
    }
    const opening = openLoggedIn(browser, baseUrl, path, account, { options, pageErrors });
    open.set(key, opening);
    return opening;
  };
}

/**
 * `goInApp`, but the screen at `path` is always mounted anew, as after a full load: when the page already shows
 * that route (screens read their query string once, when they mount), it first steps to a route the app does not
 * have (the shell's 404, which asks nothing of the server), so the screen's state is dropped and its data loaded again.
 * `remount` does so always: for a route with a parameter (`/field/order/:id`) whose screen keeps state across ids.
 */
export async function showScreen(page: Page, path: string, { remount = false }: { remount?: boolean } = {}): Promise<void> {
  if (remount || new URL(page.url()).pathname === new URL(path, page.url()).pathname) await goInApp(page, '/e2e-elsewhere');
  await goInApp(page, path);
}

/**
 * Goes to `path` inside the running app, as a click on a link would (the router's history, no reload), and waits
 * until no request has been in flight for half a second — the route's code and data loaded and drawn. A full
 * `page.goto` parses and runs the whole bundle again: about 2 s of Chromium's CPU each time on the 2-core test
 * machine, where a journey that only moves between screens paid it for every screen.
 */
export async function goInApp(page: Page, path: string): Promise<void> {
  const inFlight = new Set<unknown>();
  let quietSince = Date.now();
  const start = (r: unknown) => inFlight.add(r);
  const end = (r: unknown) => {
    inFlight.delete(r);
    if (inFlight.size === 0) quietSince = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    await page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    quietSince = Date.now();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
    const deadline = Date.now() + 30_000;
    while (inFlight.size > 0 || Date.now() - quietSince < 500) {
      if (Date.now() > deadline) throw new Error(`goInApp(${path}): requests still in flight after 30 s`);
      await page.waitForTimeout(100);
    }
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}

/**
 * Saves a screenshot for a person to look at — when they ask for them with `E2E_SHOTS=1` (or `=all`), as one does
 * when building or checking a screen. `npm test` asserts on the page itself and nobody looks at its pictures: the
 * 128 screenshots (most of them full pages at twice the pixels on phones) were ~8 % of the journeys' CPU.
 */
export async function shot<T extends { screenshot(options?: { path?: string }): Promise<unknown> }>(
  target: T,
  options: NonNullable<Parameters<T['screenshot']>[0]> & { path: string },
): Promise<void> {
  if (!process.env.E2E_SHOTS || process.env.E2E_SHOTS === '0') return;
  await target.screenshot(options);
}

/**
 * Clicks a button of a dialog or popconfirm that closes it when it takes (OK, 继续编辑, 确定). On a loaded 2-core
 * machine such a click, right after the overlay opened, sometimes did not take: the overlay stayed open and the
 * journey waited in vain for what the click does (rating, notices, onboarding and password-reset, once each). If
 * the button is still there, enabled and not busy 5 s later, it is clicked again, at most twice; a click that took
 * closes the overlay (or leaves its button loading), so nothing is done twice. The journey still checks the result.
 */
export async function clickToClose(button: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt === 0) await button.click();
    else {
      // The overlay may close between the look and this click: then the click has nothing to do.
      const clicked = await button.click({ timeout: 2000 }).then(() => true, async (e: unknown) => {
        if (!(await button.isVisible())) return false;
        throw e;
      });
      if (!clicked) return;
    }
    if (await button.waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false)) return;
    const state = await button
      .evaluate((el) => ({ busy: el.classList.contains('ant-btn-loading') || (el as HTMLButtonElement).disabled }), undefined, { timeout: 1000 })
      .catch(() => null);
    if (!state || state.busy) return; // gone, or the click took and its work is under way
  }
}

/**
 * Picks `option` in an Ant Design select until `shown` (the field, or the form item that holds it) shows it. On a
 * loaded 2-core machine a click on an option that lands while the list still opens is lost, and the form then says
 * 必填 (seen for onboarding's grid and weekday). `open` opens the list, typing a search first for a searchable select.
 * Three tries.
 */
export async function pickOption(page: Page, { open, option, shown }: { open: () => Promise<void>; option: string; shown: Locator }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await open();
    await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 5_000 }).catch(() => undefined);
    if (await shown.filter({ hasText: option }).first().waitFor({ timeout: 3_000 }).then(() => true, () => false)) return;
    if (attempt === 3) throw new Error(`the option ${option} could not be picked in three tries`);
  }
}

/**
 * Checks a checkbox. Playwright's `check()` throws when its click did not change the state, which on a loaded
 * 2-core machine happened once in a full run (onboarding's 已开通电子结算, right after the modal opened): it is then
 * tried again, at most twice, and the box must end up checked.
 */
export async function checkSurely(box: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const error = await box.check({ timeout: 5000 }).then(() => undefined, (e: unknown) => e);
    if (await box.isChecked()) return;
    if (attempt === 3) throw error ?? new Error('the checkbox stayed unchecked after three clicks');
  }
}

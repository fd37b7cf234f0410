// First-load transfer of the web UI (issue 13): the JavaScript and CSS a cold
// browser fetches for the login page and the county manager's first screen
// after it, as sent on the wire (the server's precompressed brotli), plus the
// same files' gzip sizes (what a browser that does not take brotli would get). Used by bench:security; alone, it seeds a small demo
// county and measures only this: `npm run bench:first-load` (needs
// `npm run build:web`). Last line is JSON; `english_files` counts the files that
// carry the English dictionary, which only a reader choosing English fetches (0 expected).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { commonEn } from '../src/web/i18n/common-dict.js';

export type FirstLoad = {
  kb: number;
  gzipKb: number;
  url: string;
  errors: string[];
  files: { file: string; wireKb: number; gzipKb: number }[];
  /** First-load files that hold the English dictionary, which is fetched only when English is chosen (decision 0915): none. */
  english: string[];
};

/** A string of the English dictionary only, to tell whether a file carries it. */
const ENGLISH_MARK = commonEn.app.subtitle;

export async function measureFirstLoad(browser: Browser, base: string, webDir: string): Promise<FirstLoad> {
  // The service worker is kept out: the files it fetches for the page would reach the page as 0 bytes "from
  // ServiceWorker" and go uncounted, though they crossed the network all the same.
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = new Map<string, { type: string; url: string }>();
  const files: FirstLoad['files'] = [];
  cdp.on('Network.responseReceived', (e) => seen.set(e.requestId, { type: e.type, url: e.response.url }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (!r || !['Script', 'Stylesheet'].includes(r.type)) return;
    const file = new URL(r.url).pathname;
    const gz = path.join(webDir, `${file}.gz`);
    files.push({ file, wireKb: e.encodedDataLength / 1024, gzipKb: fs.existsSync(gz) ? fs.statSync(gz).size / 1024 : e.encodedDataLength / 1024 });
  });
  await page.goto(`${base}/login`);
  await page.locator('#username').fill('manager');
  await page.locator('#password').fill('manager123');
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.waitForLoadState('networkidle');
  // The first screen drawn, not an error or a spinner: its title or its first card.
  await page.locator('.zy-page-title, .ant-card').first().waitFor();
  const url = new URL(page.url()).pathname;
  if (process.env.FIRST_LOAD_SHOT) await page.screenshot({ path: process.env.FIRST_LOAD_SHOT });
  await context.close();
  const sum = (k: 'wireKb' | 'gzipKb') => Math.round(files.reduce((a, f) => a + f[k], 0));
  const english = files.map((f) => f.file).filter((f) => fs.existsSync(path.join(webDir, f)) && fs.readFileSync(path.join(webDir, f), 'utf8').includes(ENGLISH_MARK));
  return { kb: sum('wireKb'), gzipKb: sum('gzipKb'), url, errors, files: files.sort((a, b) => b.gzipKb - a.gzipKb), english };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { openDatabase } = await import('../src/db/client.js');
  const { seedDemoCounty } = await import('../src/app/demo/demo-seed.js');
  const { buildApp } = await import('../src/server/app.js');
  const { launchChromium } = await import('../tests/e2e/browser.js');
  const WEB = path.resolve('dist/web');
  const TODAY = new Date('2026-11-24T02:00:00Z');
  const database = await openDatabase({});
  await seedDemoCounty(database.db, { seed: 42, today: TODAY, retailers: 600, weeks: 8 });
  const app = await buildApp({ db: database.db, now: () => TODAY, webDir: WEB });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const browser = await launchChromium();
  const load = await measureFirstLoad(browser, base, WEB);
  await browser.close();
  await app.close();
  await database.close();
  for (const f of load.files) console.log(`${f.gzipKb.toFixed(1).padStart(7)} kB gzip ${f.wireKb.toFixed(1).padStart(7)} kB wire  ${f.file}`);
  console.log(JSON.stringify({ first_load_kb: load.kb, first_load_gzip_kb: load.gzipKb, files: load.files.length, english_files: load.english.length, first_screen: load.url, page_errors: load.errors.length }));
  process.exit(0);
}

// Desktop sweep of the screens issue 14 names (a new user's first day), at
// 1366 × 768 in Chromium, in Chinese and English: a screenshot of each (in
// test-results/desktop/) and, for each, what a reviewer would otherwise have
// to spot by eye — a page wider than the window, text cut off by an ellipsis,
// boxes of text that overlap, and (in English) Chinese text outside data.
// Not part of `npm test`: run it after a build, then look at the shots.
//   npx vite build --config vite.config.ts && npx tsx scripts/desktop-shots.ts [path-filter]
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';

// tsx names arrow functions with a helper (__name) that the page does not have.
const NAME_SHIM = 'window.__name = (f) => f';
import { launchChromium, openLoggedIn } from '../tests/e2e/browser.js';
import { startWebApp } from '../tests/e2e/web-app.js';
import { DEMO_ACCOUNTS, TODAY, type DemoRole } from '../tests/support/test-app.js';
import { query } from '../src/db/client.js';
import { seedDemoSupplyPlan } from '../src/app/demo/demo-seed-supply-plan.js';

const OUT = 'test-results/desktop';
const only = process.argv[2];

/** What the eye would look for, measured in the page. */
async function findings(page: Page, lang: 'zh' | 'en') {
  return page.evaluate((lang) => {
    const out: string[] = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth + 1) out.push(`page ${de.scrollWidth}px wide in ${de.clientWidth}px`);
    const name = (e: Element) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`;
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && !e.closest('[aria-hidden=true], .ant-select-dropdown-hidden, .ant-tooltip, .ant-drawer:not(.ant-drawer-open)');
    };
    // Text cut by an ellipsis (the user cannot read the end of it).
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      if (!visible(e) || e.children.length > 2) continue;
      const st = getComputedStyle(e);
      if (st.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1) out.push(`cut: ${name(e)}「${(e.textContent ?? '').trim().slice(0, 40)}」`);
    }
    // Leaf text boxes that overlap another leaf text box (not nested).
    const leaves = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (e) => visible(e) && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && !e.closest('.leaflet-pane, .ant-tooltip, .ant-popover, .ant-drawer, .ant-modal, canvas'),
    );
    const rects = leaves.map((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return { e, r: range.getBoundingClientRect() };
    });
    for (let i = 0; i < rects.length && out.length < 40; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i], b = rects[j];
        if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 4 && h > 4) out.push(`overlap: 「${a.e.textContent!.trim().slice(0, 20)}」×「${b.e.textContent!.trim().slice(0, 20)}」`);
      }
    // Chinese in the English UI, outside table cells and lists of data (names of shops, people and places are data).
    if (lang === 'en') {
      const cjk = /[\u4e00-\u9fff]/;
      const seen = new Set<string>();
      for (const e of leaves) {
        if (e.closest('td, .ant-list-item, .ant-select-selection-item, .ant-descriptions-item-content, .zy-data, [data-user-text]')) continue;
        const text = [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
        if (cjk.test(text) && !seen.has(text)) {
          seen.add(text);
          out.push(`zh in en: ${name(e)}「${text.slice(0, 40)}」`);
        }
      }
    }
    return out;
  }, lang);
}

const web = await startWebApp();
const [{ orgId }] = await query<{ orgId: number }>(web.database.db, sql`select id as "orgId" from orgs order by id limit 1`);
await seedDemoSupplyPlan(web.database.db, orgId, TODAY);
const [{ shop }] = await query<{ shop: number }>(
  web.database.db,
  sql`select r.id as shop from users u join retailers r on r.grid_id in (select id from grids where worker_id = u.id) where u.username = 'worker1' order by r.id limit 1`,
);
const SCREENS: { role: DemoRole; path: string; ready: string; then?: (p: Page) => Promise<void> }[] = [
  { role: 'county_manager', path: '/home', ready: '.ant-card' },
  { role: 'county_manager', path: '/supply', ready: 'main .ant-card' },
  { role: 'county_manager', path: '/ratings', ready: 'main .ant-card' },
  { role: 'admin', path: '/audit', ready: 'main .ant-table' },
  { role: 'county_manager', path: '/visit-progress', ready: 'main .ant-card' },
  { role: 'county_manager', path: '/map', ready: '.leaflet-container' },
  { role: 'county_manager', path: `/retailers/${shop}`, ready: 'main .ant-card' },
  { role: 'county_manager', path: '/orders', ready: 'main .ant-table' },
  { role: 'call_agent', path: '/take-orders', ready: 'main' },
  { role: 'grid_worker', path: '/field', ready: 'main' },
  { role: 'grid_worker', path: '/ratings', ready: 'main .ant-card' },
  { role: 'grid_worker', path: `/retailers/${shop}`, ready: 'main .ant-card' },
  { role: 'retailer', path: '/my-order', ready: 'main' },
  { role: 'retailer', path: '/my-rating', ready: '[data-testid=rating-why]' },
  { role: 'retailer', path: '/my-file', ready: 'main .ant-card' },
];

fs.mkdirSync(OUT, { recursive: true });
const browser = await launchChromium();
const report: string[] = [];
for (const lang of ['zh', 'en'] as const)
  for (const role of [...new Set(SCREENS.map((s) => s.role))]) {
    let page: Page | undefined;
    for (const s of SCREENS.filter((x) => x.role === role && (!only || x.path.includes(only)))) {
      const errors: string[] = [];
      if (!page) {
        page = await openLoggedIn(browser, web.baseUrl, s.path, DEMO_ACCOUNTS[role], { options: { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' }, pageErrors: errors });
        await page.context().addInitScript(NAME_SHIM);
        await page.evaluate(NAME_SHIM);
        if (lang === 'en') {
          await page.evaluate(() => localStorage.setItem('zhiyin.lang', 'en'));
          await page.reload();
        }
      } else await page.goto(`${web.baseUrl}${s.path}`);
      await page.locator(s.ready).first().waitFor({ timeout: 30_000 }).catch(() => errors.push(`not ready: ${s.ready}`));
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      if (s.then) await s.then(page);
      const file = `${OUT}/${lang}-${role}${s.path.replace(/\//g, '-')}.png`;
      await page.screenshot({ path: file, fullPage: true });
      const found = [...errors, ...(await findings(page, lang))];
      report.push(`${file}${found.length ? `\n  ${found.join('\n  ')}` : ''}`);
    }
    await page?.context().close();
  }
await browser.close();
await web.close();
console.log(report.join('\n'));
process.exit(0);

// Phone pages fit the phone (issue 14 item 3): the retailer's pages and the
// grid worker's field screens are opened at 390 px in Chinese and English,
// and none may be wider than the screen — a retailer must never scroll
// sideways — their buttons must be big enough to tap, and the bottom
// navigation must be there.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { goInApp, launchChromium, openLoggedIn, PHONE, shot, SHOTS } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import { DEMO_ACCOUNTS, TODAY, type DemoRole } from '../support/test-app.js';
import { query } from '../../src/db/client.js';
import { seedDemoSupplyPlan } from '../../src/app/demo/demo-seed-supply-plan.js';

let web: WebApp;
let browser: Browser;
const pageErrors: string[] = [];
let ownShop = 0;
let gridCase = 0;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  const [{ orgId }] = await query<{ orgId: number }>(web.database.db, sql`select id as "orgId" from orgs order by id limit 1`);
  await seedDemoSupplyPlan(web.database.db, orgId, TODAY);
  [{ ownShop }] = await query<{ ownShop: number }>(web.database.db, sql`select r.id as "ownShop" from users u join retailers r on r.grid_id in (select id from grids where worker_id = u.id) where u.username = 'worker1' order by r.id limit 1`);
  [{ gridCase }] = await query<{ gridCase: number }>(web.database.db, sql`select c.id as "gridCase" from desk_cases c join grids g on g.id = c.grid_id join users u on u.id = g.worker_id where u.username = 'worker1' order by c.id limit 1`);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

/** How far the page reaches past the screen's right edge, and its tap targets smaller than a finger (44 × 44 px). */
async function measure(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        // Content inside a horizontally scrolling box (a table's own scroller) does not widen the page.
        for (let p = e.parentElement; p; p = p.parentElement) {
          const s = getComputedStyle(p);
          if ((s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') && p !== document.body && p !== document.documentElement) return false;
        }
        return r.right > width + 1;
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ').slice(0, 2).join('.')} → ${Math.round(e.getBoundingClientRect().right)}px`);
    // Tap targets (decision 1440): every visible control, link, tab, checkbox and clickable row, measured by the
    // area that takes its tap — the control itself grown by any label, button or clickable box around it.
    const TOUCH = 44;
    const CONTROL = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=tab], [role=checkbox], [role=radio], [role=switch], [role=menuitem], [role=link], [role=option], [role=combobox], .ant-select-selector';
    const pointer = (e: Element) => getComputedStyle(e).cursor === 'pointer';
    const candidates = new Set<Element>(document.querySelectorAll(CONTROL));
    // Boxes made clickable by a handler (list rows, cards): the outermost of a run of pointer boxes.
    for (const e of document.querySelectorAll('body *')) if (pointer(e) && !(e.parentElement && pointer(e.parentElement))) candidates.add(e);
    const small: string[] = [];
    for (const e of candidates) {
      if (e.closest('.leaflet-pane, [aria-hidden=true], .ant-select-dropdown-hidden, .ant-tooltip')) continue;
      let tap = e.getBoundingClientRect();
      const st = getComputedStyle(e);
      // Hidden inputs of antd checkboxes and radios take the tap of their label (below); a zero box is not shown.
      if ((tap.width === 0 || tap.height === 0 || st.visibility === 'hidden') && !e.closest('label')) continue;
      const around: Element[] = [];
      for (let p: Element | null = e; p && p !== document.body; p = p.parentElement) {
        if (p !== e && !(p.matches('label, button, a[href], [role=button], [role=tab]') || pointer(p))) break;
        around.push(p);
      }
      // antd's input boxes focus their input on a tap anywhere inside (rc-input-number's onMouseDown, rc-input's onClick).
      const box = e.closest('.ant-input-number, .ant-input-affix-wrapper, .ant-select, .ant-picker');
      if (box) around.push(box);
      for (const p of around) {
        const r = p.getBoundingClientRect();
        if (r.width * r.height > tap.width * tap.height) tap = r;
      }
      if (tap.width === 0 || tap.height === 0) continue;
      if (tap.height < TOUCH - 0.5 || tap.width < TOUCH - 0.5) {
        const text = (e.textContent ?? '').trim().slice(0, 12) || e.getAttribute('aria-label') || '';
        small.push(`${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}「${text}」${Math.round(tap.width)}×${Math.round(tap.height)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, over, small };
  });
}

const PAGES: { role: DemoRole; path: string; ready: string; overlay?: boolean }[] = [
  { role: 'retailer', path: '/my-order', ready: 'main' },
  { role: 'retailer', path: '/my-rating', ready: 'main' },
  { role: 'retailer', path: '/my-file', ready: '[data-testid=section-my-cases] .ant-list-item' },
  { role: 'retailer', path: '/my-cases', ready: 'main' },
  { role: 'retailer', path: '/notices', ready: 'main' },
  { role: 'retailer', path: '/home', ready: 'main' },
  { role: 'retailer', path: '/my-surveys', ready: 'main' },
  // Everyone's own password (decision 0860), opened from the menu under their name.
  { role: 'retailer', path: '/password', ready: '[data-testid=password-form]' },
  { role: 'grid_worker', path: '/home', ready: 'main' },
  { role: 'grid_worker', path: '/field', ready: 'main' },
  // 网格地图 (issue 14): the worker looks up a shop's grid and the way to it on the phone.
  { role: 'grid_worker', path: '/map', ready: '.leaflet-container' },
  { role: 'grid_worker', path: '/retailers', ready: 'main' },
  { role: 'grid_worker', path: '/care', ready: 'main' },
  { role: 'grid_worker', path: '/score-sheets', ready: 'main' },
  { role: 'grid_worker', path: '/notices', ready: 'main' },
  // The worker's cases, where the home's "due" and "overdue" items lead.
  { role: 'grid_worker', path: '/desk', ready: '[data-testid^=case-row-]' },
];

describe('every phone page fits a 390 px screen, with tap targets of at least 44 px', () => {
  for (const lang of ['zh', 'en'] as const)
    it(`in ${lang === 'zh' ? 'Chinese' : 'English'}`, async () => {
      const found: string[] = [];
      const pages = [
        ...PAGES,
        { role: 'grid_worker' as DemoRole, path: `/retailers/${ownShop}`, ready: 'main' },
        // A case of the worker's grid opened in its drawer over the list.
        // A drawer is a sheet over the page: it covers the bottom bar until it is closed (its close button is checked).
        { role: 'grid_worker' as DemoRole, path: `/desk?case=${gridCase}`, ready: '[data-testid=case-detail]', overlay: true },
        { role: 'grid_worker' as DemoRole, path: `/field/order/${ownShop}`, ready: 'main' },
      ];
      // One login per role and language; the role's pages are then opened in turn in the same tab.
      for (const role of [...new Set(pages.map((p) => p.role))]) {
        let page: Page | undefined;
        for (const { path, ready, overlay } of pages.filter((p) => p.role === role)) {
          if (!page) {
            page = await openLoggedIn(browser, web.baseUrl, path, DEMO_ACCOUNTS[role], { options: PHONE, pageErrors });
            if (lang === 'en') {
              await page.evaluate(() => localStorage.setItem('zhiyin.lang', 'en'));
              await page.reload();
            }
            await page.locator(ready).first().waitFor();
            await page.waitForLoadState('networkidle');
          } else {
            // The role's next screen as the user reaches it, inside the app: a reload per screen was most of this
            // journey's time.
            await goInApp(page, path);
            await page.locator(ready).first().waitFor();
          }
          const m = await measure(page);
          // 我的星级 (issue 14): on a phone the scoring items are a list, each with its points and why — not a table
          // scrolling sideways in its box.
          if (path === '/my-rating') {
            const layout = await page.evaluate(() => ({
              items: document.querySelectorAll('[data-testid=rating-why-list] [data-testid=why-item]').length,
              tables: document.querySelectorAll('[data-testid=rating-why] table').length,
              first: document.querySelector('[data-testid=why-item]')?.textContent ?? '',
            }));
            if (layout.items === 0 || layout.tables > 0) found.push(`${role} ${path} (${lang}): scoring items as ${layout.tables} table(s), ${layout.items} list rows`);
            else if (!(lang === 'zh' ? /得分：[\d.]+ \/ [\d.]+/ : /Points: [\d.]+ \/ [\d.]+/).test(layout.first)) found.push(`${role} ${path} (${lang}): the first scoring item shows no points: ${layout.first}`);
          }
          if (m.scrollWidth > m.width + 1) found.push(`${role} ${path} (${lang}): ${m.scrollWidth}px > ${m.width}px; ${m.over.join('; ')}`);
          // Bottom navigation (decision 1443): the role's daily screens one tap away on every one of its phone pages.
          // Not under anything the page draws (a map's panes stack at z-index 400 and up): each tab is what a tap at its
          // centre hits.
          const covered = await page.evaluate(() => {
            const tabs = [...document.querySelectorAll<HTMLElement>('[data-testid=bottom-nav] button')];
            if (!tabs.length) return null;
            return tabs.filter((b) => {
              const r = b.getBoundingClientRect();
              return !b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
            }).map((b) => b.textContent);
          });
          if (covered === null) found.push(`${role} ${path} (${lang}): no bottom navigation`);
          else if (covered.length && !overlay) found.push(`${role} ${path} (${lang}): bottom navigation covered at ${covered.join(', ')}`);
          if (m.small.length) found.push(`${role} ${path} (${lang}): tap targets under 44 px: ${m.small.slice(0, 8).join('; ')}${m.small.length > 8 ? ` … ${m.small.length} in all` : ''}`);
          await shot(page, { path: `${SHOTS}/phone-${lang}-${role}${path.replace(/\//g, '-')}.png`, fullPage: true });
        }
        // A tab takes the thumb to its screen.
        const tab = role === 'retailer' ? 'my-rating' : 'map';
        await page!.getByTestId(`bottom-tab-${tab}`).click();
        await page!.waitForURL(new RegExp(`/${tab}$`));
        // The router renders a navigation as a transition: the address changes a moment before the tab is marked.
        await expect.poll(() => page!.getByTestId(`bottom-tab-${tab}`).getAttribute('aria-current')).toBe('page');
        await shot(page!, { path: `${SHOTS}/phone-${lang}-${role}-bottom-nav.png` });
        await page?.context().close();
      }
      expect(found).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
});

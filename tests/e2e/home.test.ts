// The "today" home (issue 17 item 5, "Done means"): on the demo day as
// `npm start` makes it (this week's plan published, the visit history, the
// home's seed), every role lands on its home with real items; the grid worker
// and the retailer on a phone. One item per role opens the screen where it is
// handled, with its filter. Screenshots in zh, and the worker's in English.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { seedDemoCounty } from '../../src/app/demo/demo-seed.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { DEMO_ACCOUNTS, TODAY, type DemoRole } from '../support/test-app.js';
import { DESKTOP, launchChromium, openLoggedIn, PHONE, shot, SHOTS } from './browser.js';
import { WEB_DIR } from './web-app.js';
import type { Home } from '../../src/shared/home.js';

let database: TestDatabase;
let app: FastifyInstance;
let browser: Browser;
let base = '';
const pageErrors: string[] = [];
const pages: Page[] = [];

async function homeOf(role: DemoRole): Promise<Home> {
  const [username, password] = DEMO_ACCOUNTS[role];
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const cookie = `zy_session=${login.cookies.find((c) => c.name === 'zy_session')!.value}`;
  return (await app.inject({ method: 'GET', url: '/api/home', headers: { cookie } })).json() as Home;
}

/** Logs in at /home and waits for the cards; the count shown for `key` must be the API's and above zero. */
async function openHome(role: DemoRole, options: BrowserContextOptions, keys: string[]): Promise<Page> {
  const page = await openLoggedIn(browser, base, '/home', DEMO_ACCOUNTS[role], { options, pageErrors });
  pages.push(page);
  await page.getByTestId('home').waitFor();
  const home = await homeOf(role);
  for (const key of keys) {
    const item = home.items.find((i) => i.key === key);
    expect(item, `${role} has ${key}`).toBeDefined();
    expect(item!.count, `${role} ${key} count`).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId(`home-count-${key}`).innerText()).toMatch(/[1-9]/);
  }
  return page;
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  database = await createTestDatabase();
  await seedDemoCounty(database.db, { seed: 42, today: TODAY, retailers: 300, weeks: 8, currentWeekPlan: true });
  app = await buildApp({ db: database.db, now: () => TODAY, webDir: WEB_DIR });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const p of pages) await p.context().close();
  await browser?.close();
  await app?.close();
  await database?.drop();
});

describe('the today home on the demo day', () => {
  it("grid worker (phone): today's stops, cases and 回访 due, windows closing, failed deductions, birthdays; a case opens in the desk", async () => {
    const page = await openHome('grid_worker', PHONE, [
      'visit.stops_today',
      'desk.cases_due',
      'desk.surveys_due',
      'ordering.window_closing',
      'settlement.failed',
      'retailers.birthdays',
    ]);
    // The lunar birthday is marked as such.
    await expect.poll(() => page.getByTestId('home-item-retailers.birthdays').innerText()).toContain('农历');
    await shot(page, { path: `${SHOTS}/home-worker-phone.png`, fullPage: true });
    // English switch: the same home, in English.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('home-item-desk.cases_due').innerText()).toContain('Cases due');
    await shot(page, { path: `${SHOTS}/home-worker-phone-en.png`, fullPage: true });
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('home-item-desk.cases_due').innerText()).toContain('待办工单');
    // The case due opens in the desk, in the drawer, among the worker's own cases.
    const shop = (await homeOf('grid_worker')).items.find((i) => i.key === 'desk.cases_due')!.rows[0].label;
    await page.getByTestId('home-item-desk.cases_due').locator('.zy-home-row').first().click();
    await page.waitForURL(/\/desk\?mine=true&case=\d+/);
    await expect.poll(() => page.locator('.ant-drawer-title').innerText()).toContain(shop);
    await page.getByTestId('case-detail').waitFor();
    await shot(page, { path: `${SHOTS}/home-worker-to-case.png` });
  });

  it("call-centre agent: the call list, 回访 due and cases logged; a shop on the call list opens in phone orders", async () => {
    const page = await openHome('call_agent', DESKTOP, ['ordering.call_list', 'desk.surveys_due', 'desk.logged_open']);
    await shot(page, { path: `${SHOTS}/home-agent.png`, fullPage: true });
    const shop = (await homeOf('call_agent')).items.find((i) => i.key === 'ordering.call_list')!.rows[0].label;
    await page.getByTestId('home-item-ordering.call_list').locator('.zy-home-row').first().click();
    await page.waitForURL(/\/take-orders\?retailerId=\d+/);
    await expect.poll(() => page.getByTestId('order-retailer').innerText()).toContain(shop);
  });

  it("station head: breaches, missed visits and each worker's progress today; breaches open the desk filtered to them", async () => {
    const page = await openHome('station_head', DESKTOP, ['desk.breaches', 'visit.missed', 'visit.workers_today']);
    await expect.poll(() => page.getByTestId('home-item-visit.workers_today').locator('.zy-home-row').count()).toBeGreaterThan(1);
    await shot(page, { path: `${SHOTS}/home-station-head.png`, fullPage: true });
    const breaches = (await homeOf('station_head')).items.find((i) => i.key === 'desk.breaches')!.count;
    await page.getByTestId('home-open-desk.breaches').click();
    await page.waitForURL(/\/desk\?due=breached/);
    await page.getByTestId('desk-due-filter').waitFor();
    await expect.poll(() => page.locator('[data-testid^="case-row-"]').count()).toBe(breaches);
    await expect.poll(() => page.getByTestId('due-breached').count()).toBe(breaches);
  });

  it('county manager: approvals waiting, plan and rating status, the county figures; emergency supply opens its approvals', async () => {
    const page = await openHome('county_manager', DESKTOP, [
      'approvals.emergency',
      'approvals.corrections',
      'approvals.rewards',
      'desk.breaches',
      'figures.retailers',
      'figures.visits_week',
      'figures.measures',
    ]);
    await expect.poll(() => page.getByTestId('home-item-figures.measures').innerText()).toContain('忠诚度');
    await expect.poll(() => page.getByTestId('home-item-supply.plan_status').innerText()).toContain('已发布');
    await expect.poll(() => page.getByTestId('home-item-rating.run_status').innerText()).toMatch(/已发布|待发布/);
    await shot(page, { path: `${SHOTS}/home-county-manager.png`, fullPage: true });
    await page.getByTestId('home-open-approvals.emergency').click();
    await page.waitForURL(/\/emergency$/);
    const pending = (await homeOf('county_manager')).items.find((i) => i.key === 'approvals.emergency')!.count;
    await expect.poll(() => page.locator('[data-testid^="approve-emergency-"]').count()).toBe(pending);
  });

  it('retailer (phone): their window and limits, their cases and unread notices; the window opens the order page', async () => {
    const page = await openHome('retailer', PHONE, ['ordering.my_window', 'desk.my_cases', 'notices.unread']);
    await shot(page, { path: `${SHOTS}/home-retailer-phone.png`, fullPage: true });
    await page.getByTestId('home-open-ordering.my_window').click();
    await page.waitForURL(/\/my-order$/);
    await page.getByTestId('my-order').waitFor();
  });

  it("admin: jobs and today's audit; the audit rows open the log filtered to today", async () => {
    const page = await openHome('admin', DESKTOP, ['audit.today']);
    await expect.poll(() => page.getByTestId('home-item-jobs.failed').isVisible()).toBe(true);
    await shot(page, { path: `${SHOTS}/home-admin.png`, fullPage: true });
    await page.getByTestId('home-open-audit.today').click();
    await page.waitForURL(/\/audit\?from=2026-11-24&to=2026-11-24/);
    await expect.poll(() => page.getByTestId('audit-from').inputValue()).toBe('2026-11-24');
    expect(pageErrors).toEqual([]);
  });
});

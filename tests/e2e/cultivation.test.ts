// New-brand cultivation in Chromium: marketing opens the demo launch in
// progress and sees 上柜率 and 复购率 by lifecycle week against the band of the
// county's earlier launches, with the tables and the trial feedback; a grid
// worker on a phone (390×844) records the shelf and the consumer's feedback for
// a launched product on a visit form, and it shows on the launch's dashboard.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import type { LaunchDashboard, LaunchSummary } from '../../src/shared/cultivation.js';
import type { DayRoute } from '../../src/shared/visits.js';
import { labelOf } from '../../src/shared/codes.js';
import { zh } from '../../src/web/i18n/zh.js';
import { launchChromium, shot, SHOTS } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import { TODAY } from '../support/test-app.js';


const PHONE = { width: 390, height: 844 };

let web: WebApp;
let browser: Browser;
const pageErrors: string[] = [];

async function login(p: Page, path: string, username: string, password: string) {
  await p.goto(`${web.baseUrl}${path}`);
  await p.waitForURL(/\/login/);
  await p.locator('#username').fill(username);
  await p.locator('#password').fill(password);
  await p.locator('form button[type=submit]').click();
  await p.waitForURL(new RegExp(path));
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('the launch dashboard', () => {
  it('shows 上柜率 and 复购率 by lifecycle week with the band of earlier launches', async () => {
    const manager = await web.login('county_manager');
    const launches = (await web.get<{ items: LaunchSummary[] }>(manager, '/api/launches')).items;
    const running = launches.find((l) => l.status === 'active')!;
    const d = await web.get<LaunchDashboard>(manager, `/api/launches/${running.id}`);
    expect(d.bands.listingRate.length).toBeGreaterThan(0);
    expect(d.bands.reorderRate.length).toBeGreaterThan(0);

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await login(page, '/launches', 'manager', 'manager123');
    await page.getByTestId('launch-list').getByText(running.name).click();
    await page.waitForURL(/\/launches\/\d+/);
    expect(await page.getByTestId('launch-title').innerText()).toBe(running.name);
    await page.getByTestId('launch-listing-chart').locator('canvas').waitFor();
    await page.getByTestId('launch-reorder-chart').locator('canvas').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain(zh.cultivation.listingRate);
    expect(text).toContain(zh.cultivation.reorderRate);
    // The figures on the page are the last computed week's.
    const last = d.curve[d.curve.length - 1];
    expect(text).toContain(`${(last.listingRate! * 100).toFixed(1)}%`);
    expect(await page.getByTestId('launch-feedback').innerText()).toContain(zh.cultivation.feedback);
    expect(await page.getByTestId('launch-by-grid').locator('tbody tr').count()).toBeGreaterThan(1);
    // The band is drawn: its legend entry is in the chart's option (the chart itself is a canvas).
    const legend = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="launch-listing-chart"]') as HTMLElement & { getAttribute: (n: string) => string | null };
      return el.getAttribute('_echarts_instance_');
    });
    expect(legend).toBeTruthy();
    await shot(page, { path: `${SHOTS}/cultivation-1-dashboard.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });
});

describe('a grid worker on a phone', () => {
  it('records the shelf and the trial feedback for a launched product on the visit form', async () => {
    const admin = await web.login('admin');
    const config = await web.get<{ rules: { visitsPerCycle: number }[] }>(admin, '/api/visits/config');
    await web.call(admin, 'PUT', '/api/visits/config', { rules: config.rules.map((r) => ({ ...r, visitsPerCycle: 4 })) });
    let route: DayRoute = await web.dayRoute(await web.login('grid_worker'));
    expect(route.stops.length).toBeGreaterThan(0);
    const shop = route.stops[0].retailer;
    // Marketing launches a product to the grid of the worker's first stop this week.
    const manager = await web.login('county_manager');
    const [grid] = await query<{ gridId: number }>(web.database.db, sql`select grid_id as "gridId" from retailers where id = ${shop.id}`);
    const options = await web.get<{ products: { id: number; isNew: boolean; name: string }[] }>(manager, '/api/launches/options');
    const product = options.products.find((p) => p.isNew)!;
    const created = await web.call(manager, 'POST', '/api/launches', { productId: product.id, name: `${product.name}（网格试点）`, launchWeek: '2026-11-23', target: { gridIds: [grid.gridId] } });
    route = await web.dayRoute(await web.login('grid_worker'));
    expect(route.launches?.find((l) => l.id === created.id)?.retailerIds).toContain(shop.id);
    // The form asks for the first running launch whose target holds the shop (the demo's own may come first).
    const asked = route.launches!.find((l) => l.retailerIds.includes(shop.id))!;
    const checksBefore = (await web.get<LaunchDashboard>(manager, `/api/launches/${asked.id}`)).feedback.checks;

    const phone = await browser.newContext({
      viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
      permissions: ['geolocation'], geolocation: { latitude: shop.lat + 0.0002, longitude: shop.lng, accuracy: 10 },
    });
    await phone.clock.setFixedTime(new Date(TODAY.getTime() - 5 * 60_000));
    const page = await phone.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await login(page, '/field', 'worker1', 'worker123');
    await page.getByTestId('route-list').waitFor();
    // As in the visits journey: the map follows the phone before the check-in asks for a fix.
    await page.getByTestId('route-map').locator('.zy-route-stop').first().waitFor();
    await page.getByTestId(`stop-${shop.id}`).click();
    const sheet = page.getByTestId('visit-sheet');
    const form = page.getByTestId('visit-form');
    // On a loaded machine the emulated fix can time out ("no position"): the worker taps again, as on a real phone.
    for (let tries = 0; tries < 3 && !(await form.isVisible()); tries++) {
      await sheet.getByTestId('check-in').click();
      await expect.poll(async () => (await form.isVisible()) || (await sheet.locator('.ant-alert-error').isVisible()), { timeout: 30_000 }).toBe(true);
    }
    await form.waitFor();
    await form.locator('.ant-rate').first().locator('.ant-rate-star').nth(3).click();
    await form.getByText(labelOf('priceTag', 'complete'), { exact: true }).click();
    await form.getByText('B 良好', { exact: true }).click();
    const check = page.getByTestId('launch-check');
    expect(await check.innerText()).toContain(asked.productName);
    await check.getByTestId('launch-on-shelf').getByText(zh.cultivation.yes, { exact: true }).click();
    await check.getByTestId('launch-taste').locator('.ant-rate-star').nth(3).click();
    await check.getByTestId('launch-pack').locator('.ant-rate-star').nth(4).click();
    await check.getByTestId('launch-price').getByText(zh.cultivation.priceLabels.fair, { exact: true }).click();
    await check.getByTestId('launch-rebuy').getByText(zh.cultivation.rebuyLabels.yes, { exact: true }).click();
    await check.getByTestId('launch-samples').locator('xpath=self::input | .//input').fill('2');
    // Nothing of the section runs off a phone's width.
    const box = await check.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await check.scrollIntoViewIfNeeded();
    await shot(page, { path: `${SHOTS}/cultivation-2-visit-form.png` });
    await sheet.getByTestId('submit-visit').click();
    await expect.poll(() => page.getByTestId(`stop-${shop.id}`).getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    const rows = await query<{ onShelf: boolean; taste: number; pack: number; price: string; rebuy: string; samples: number }>(web.database.db,
      sql`select on_shelf as "onShelf", taste, pack, price_acceptance as price, rebuy_intent as rebuy, samples_given as samples
        from launch_checks where launch_id = ${asked.id} and retailer_id = ${shop.id} and visit_date = '2026-11-24'`);
    expect(rows).toEqual([{ onShelf: true, taste: 4, pack: 5, price: 'fair', rebuy: 'yes', samples: 2 }]);
    expect(pageErrors).toEqual([]);
    await phone.close();

    // The feedback is beside the curve on that launch's dashboard.
    await web.call(manager, 'POST', `/api/launches/${asked.id}/recompute`);
    await web.jobs.waitIdle();
    const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const desk = await ctx.newPage();
    desk.on('pageerror', (e) => pageErrors.push(e.message));
    await login(desk, `/launches/${asked.id}`, 'manager', 'manager123');
    await desk.getByTestId('launch-listing-chart').locator('canvas').waitFor();
    await expect.poll(() => desk.getByTestId('launch-feedback').innerText(), { timeout: 20_000 }).toMatch(new RegExp(`核查次数\\s*${checksBefore + 1}\\b`));
    await shot(desk, { path: `${SHOTS}/cultivation-3-dashboard-phone.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });
});

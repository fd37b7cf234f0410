// A grid worker takes a shop's order on a visit, at phone size (390×844):
// from today's route, 代客下单 opens the shop's limits and suggested order;
// the first answer is lost on the way back, the second tap replays it (one
// order, channel 'visit'); a shop outside the worker's grids is refused.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DayRoute } from '../../src/shared/visits.js';
import type { RetailerListResponse } from '../../src/shared/retailer.js';
import type { RetailerOrdering } from '../../src/shared/ordering.js';
import type { OrderList } from '../../src/shared/order-corrections.js';
import { zh } from '../../src/web/i18n/zh.js';
import { launchChromium, shot, showScreen, SHOTS } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';

let web: WebApp;
let browser: Browser;
let page: Page;
let worker: string;
let route: DayRoute;
let planId: number;
const pageErrors: string[] = [];

const call = (cookie: string, method: string, url: string, body?: unknown) => web.call(cookie, method, url, body);

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  const [admin, manager] = [await web.login('admin'), await web.login('county_manager')];
  worker = await web.login('grid_worker');
  // Weekly visits, so worker1 has stops today; this week's plan published with every window open.
  const config = await call(admin, 'GET', '/api/visits/config');
  await call(admin, 'PUT', '/api/visits/config', { rules: config.rules.map((r: object) => ({ ...r, visitsPerCycle: 4 })) });
  planId = await web.publishOpenPlan(manager);
  route = await web.dayRoute(worker);
  expect(route.stops.length).toBeGreaterThan(0);

  browser = await launchChromium();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await phone.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('a grid worker takes an order on a visit', () => {
  it('orders for a shop on the route; a lost answer, resent, makes one order', async () => {
    // A stop with a scarce limit and no order yet this week.
    let shop: DayRoute['stops'][number]['retailer'] | undefined;
    let view: RetailerOrdering | undefined;
    for (const s of route.stops) {
      const v = (await call(worker, 'GET', `/api/ordering/retailers/${s.retailer.id}`)) as RetailerOrdering;
      if (!v.currentOrder && v.products.some((p) => p.scarce && (p.limitQty ?? 0) >= 1)) [shop, view] = [s.retailer, v];
      if (shop) break;
    }
    expect(shop).toBeDefined();
    const scarce = view!.products.find((p) => p.scarce && (p.limitQty ?? 0) >= 1)!;

    await page.goto(`${web.baseUrl}/field`);
    await page.waitForURL(/\/login/);
    await page.locator('#username').fill('worker1');
    await page.locator('#password').fill('worker123');
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('route-list').waitFor();
    await shot(page, { path: `${SHOTS}/visit-order-route.png` });
    await page.getByTestId(`order-${shop!.id}`).click();
    await page.waitForURL(new RegExp(`/field/order/${shop!.id}$`));
    const screen = page.getByTestId('visit-order');
    await expect.poll(() => screen.innerText(), { timeout: 15_000 }).toContain(shop!.shopName);
    expect(await screen.getByTestId('limit-reason').first().innerText()).toMatch(/档/);

    // Ask two cartons more than the limit with the + button: demand kept, ordered capped.
    const line = page.getByTestId(`line-${scarce.productId}`);
    // The draft starts empty: the suggestion is beside the lines, taken only with a tap (decision 1810).
    for (let i = 0; i < scarce.limitQty! + 2; i++) await line.getByRole('button', { name: zh.ordering.more }).click();
    const figures = await page.getByTestId(`figures-${scarce.productId}`).innerText();
    expect(figures.replace(/\s+/g, ' ')).toContain(`${zh.ordering.demand} ${scarce.limitQty! + 2} ${zh.ordering.available} ${scarce.limitQty} ${zh.ordering.qty} ${scarce.limitQty}`);
    await shot(page, { path: `${SHOTS}/visit-order-lines.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The server takes the order but the answer never reaches the phone.
    await page.route('**/api/orders', async (r) => {
      await r.fetch();
      await r.abort('connectionreset');
    }, { times: 1 });
    await page.getByTestId('visit-order-submit').click();
    await expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 15_000 }).toContain('不会重复下单');
    const stored = (await call(worker, 'GET', `/api/ordering/retailers/${shop!.id}`)) as RetailerOrdering;
    expect(stored.currentOrder).not.toBeNull();

    // Tapping again resends the same key: the stored order is confirmed, not a second one.
    await page.getByTestId('visit-order-submit').click();
    const confirmed = page.getByTestId('order-confirmed');
    await expect.poll(() => confirmed.innerText(), { timeout: 15_000 }).toContain(`${zh.ordering.orderConfirmed} #${stored.currentOrder!.orderId}`);
    // The 'not confirmed' notice gave way to the confirmation.
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain(zh.ordering.submitted);
    await shot(page, { path: `${SHOTS}/visit-order-confirmed.png` });
    const after = (await call(worker, 'GET', `/api/ordering/retailers/${shop!.id}`)) as RetailerOrdering;
    expect(after.currentOrder).toMatchObject({ orderId: stored.currentOrder!.orderId, version: 1 });
    expect(after.currentOrder!.lines.find((l) => l.productId === scarce.productId)).toMatchObject({ demandQty: scarce.limitQty! + 2, orderedQty: scarce.limitQty });
    // One order this week for the shop, taken on a visit.
    const week = (await call(worker, 'GET', `/api/orders?q=${encodeURIComponent(shop!.shopName)}&pageSize=100`)) as OrderList;
    expect(week.items.filter((x) => x.retailerId === shop!.id).map((x) => [x.id, x.channel])).toEqual([[stored.currentOrder!.orderId, 'visit']]);

    // Back on the route, the visit sheet opens the same order over the form, to amend it.
    await confirmed.getByRole('button', { name: zh.ordering.backToRoute }).click();
    await page.getByTestId(`stop-${shop!.id}`).click();
    await page.getByTestId('visit-order-open').click();
    const over = page.getByTestId('visit-order');
    await expect.poll(() => over.getByTestId('current-order').innerText(), { timeout: 15_000 }).toContain(`#${stored.currentOrder!.orderId}`);
    await over.getByTestId(`line-${scarce.productId}`).getByRole('button', { name: zh.ordering.more }).click();
    await over.getByTestId('visit-order-submit').click();
    await expect.poll(() => page.getByTestId('order-confirmed').innerText(), { timeout: 15_000 }).toContain(zh.ordering.versionN(2));
    await shot(page, { path: `${SHOTS}/visit-order-amended.png` });
    const amended = (await call(worker, 'GET', `/api/ordering/retailers/${shop!.id}`)) as RetailerOrdering;
    expect(amended.currentOrder!.lines.find((l) => l.productId === scarce.productId)).toMatchObject({ demandQty: scarce.limitQty! + 3, orderedQty: scarce.limitQty });
    await page.getByTestId('order-confirmed').getByRole('button', { name: zh.ordering.backToVisit }).click();
    await page.getByTestId('visit-sheet').waitFor();
  });

  it('refuses a shop outside the worker’s grids, writing nothing', async () => {
    const admin = await web.login('admin');
    const all = (await call(admin, 'GET', '/api/retailers?status=active&pageSize=100')) as RetailerListResponse;
    let outside: number | undefined;
    for (const r of all.items) {
      const res = await web.app.inject({ method: 'GET', url: `/api/ordering/retailers/${r.id}`, headers: { cookie: worker } });
      if (res.statusCode === 404) {
        outside = r.id;
        break;
      }
    }
    expect(outside).toBeDefined();
    // Inside the app, as a link to the shop's order would open it (decision 0855): no second load of the app.
    await showScreen(page, `/field/order/${outside}`);
    await expect.poll(() => page.getByTestId('visit-order-refused').innerText(), { timeout: 15_000 }).toContain(zh.ordering.outOfScope);
    expect(await page.getByTestId('visit-order-submit').count()).toBe(0);
    await shot(page, { path: `${SHOTS}/visit-order-out-of-scope.png` });
  });

  it('says when the shop’s order window is closed, and cannot submit', async () => {
    const shop = route.stops[route.stops.length - 1].retailer;
    const manager = await web.login('county_manager');
    await call(manager, 'PUT', `/api/supply-plans/${planId}/windows/${shop.orderWeekday}`, { opensAt: '2026-11-26T00:00:00Z', closesAt: '2026-11-26T09:00:00Z' });
    await showScreen(page, `/field/order/${shop.id}`, { remount: true });
    await expect.poll(() => page.getByTestId('window-closed').innerText(), { timeout: 15_000 }).toContain(zh.ordering.windowClosed);
    expect(await page.getByTestId('visit-order-submit').isDisabled()).toBe(true);
    await shot(page, { path: `${SHOTS}/visit-order-window-closed.png` });
    expect(pageErrors).toEqual([]);
  });
});

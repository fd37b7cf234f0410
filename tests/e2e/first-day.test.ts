// What a new user does on the first day (issue 14), in Chromium, on a fresh
// demo county whose plan for the week of today was made, allocated and
// published by the demo's own seeding step. One describe per journey; the
// audit-log and visit journeys join this file later.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { launchChromium, openLoggedIn, PHONE, sessionPages, shot, SHOTS, clickToClose } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import { TODAY } from '../support/test-app.js';
import { query } from '../../src/db/client.js';
import { seedDemoSupplyPlan } from '../../src/app/demo/demo-seed-supply-plan.js';
import { formatYuan } from '../../src/shared/money.js';
import { zh } from '../../src/web/i18n/zh.js';
import type { OrderingProduct, RetailerOrdering } from '../../src/shared/ordering.js';
import type { RetailerListResponse } from '../../src/shared/retailer.js';

let web: WebApp;
let browser: Browser;
let planId: number;
// One page per account for the file (decision 0855): the agent's second order is taken on the same page.
let as: ReturnType<typeof sessionPages>;
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  const [{ orgId }] = await query<{ orgId: number }>(web.database.db, sql`select id as "orgId" from orgs order by id limit 1`);
  // Exactly what `npm start` does for the demo: this week's plan, allocated and published.
  planId = await seedDemoSupplyPlan(web.database.db, orgId, TODAY);
  browser = await launchChromium();
  as = sessionPages(browser, web.baseUrl, { pageErrors });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  expect(pageErrors).toEqual([]);
});

const money = (n: number) => formatYuan(Math.round(n * 100) / 100);

describe('first day: the agent takes a phone order', () => {
  it('for a shop whose window is open today, with its amount shown; the suggestion keeps a typed demand', async () => {
    const agent = await web.login('call_agent');
    // A shop whose order window is open now, with a scarce limit and no order yet, found as the agent would.
    const list = await web.get<RetailerListResponse>(agent, '/api/retailers?status=active&pageSize=100');
    let shop: RetailerListResponse['items'][number] | undefined;
    let view: RetailerOrdering | undefined;
    for (const r of list.items) {
      const v = await web.get<RetailerOrdering>(agent, `/api/ordering/retailers/${r.id}`);
      if (v.window?.open && v.window.planId === planId && !v.currentOrder && v.products.some((p) => p.scarce && (p.limitQty ?? 0) >= 1) && v.suggested.length) {
        shop = r;
        view = v;
        break;
      }
    }
    expect(shop, 'a shop ordering today').toBeDefined();
    // The scarce product typed above its limit, and a product the suggestion also names, typed by hand.
    const scarce = view!.products.find((p) => p.scarce && (p.limitQty ?? 0) >= 1)!;
    const suggested = view!.suggested.find((s) => s.productId !== scarce.productId)!;
    const typed = view!.products.find((p) => p.productId === suggested.productId)!;
    const typedQty = suggested.qty + 4;

    const page = await as('/take-orders', ['agent', 'agent123']);
    await page.getByTestId('order-search').fill(shop!.customerCode);
    await page.getByTestId('order-search').press('Enter');
    await expect.poll(() => page.getByTestId('order-retailer').innerText()).toContain(shop!.shopName);
    expect(await page.getByTestId('order-window').innerText()).toContain('订货中');
    const add = async (p: OrderingProduct, qty: number) => {
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '')).toBe('product-input');
      await page.keyboard.type(p.code);
      await page.keyboard.press('Enter');
      await page.keyboard.type(String(qty));
      await page.keyboard.press('Enter');
    };
    await add(scarce, scarce.limitQty! + 2);
    await add(typed, typedQty);
    // Each line's amount is its price × what is ordered (the scarce one capped at the limit).
    await expect.poll(() => page.getByTestId(`line-amount-${scarce.productId}`).innerText()).toBe(money(scarce.price * scarce.limitQty!));
    expect(await page.getByTestId(`line-amount-${typed.productId}`).innerText()).toBe(money(typed.price * typedQty));

    // Alt+S adds the suggested lines that are empty; the demand typed by hand stays.
    await page.keyboard.press('Alt+s');
    await expect.poll(() => page.getByTestId('order-lines').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId(`line-amount-${typed.productId}`).innerText()).toBe(money(typed.price * typedQty));
    const shownTotal = await page.getByTestId('order-total').innerText();
    await shot(page, { path: `${SHOTS}/first-day-agent-lines.png`, fullPage: true });

    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('order-result').innerText(), { timeout: 15_000 }).toContain('#');
    const after = await web.get<RetailerOrdering>(agent, `/api/ordering/retailers/${shop!.id}`);
    const [order] = await query<{ totalQty: number; totalAmount: number }>(
      web.database.db,
      sql`select total_qty as "totalQty", total_amount::float8 as "totalAmount" from orders where id = ${after.currentOrder!.orderId}`,
    );
    // What the agent saw is what was ordered.
    expect(shownTotal).toContain(`${order.totalQty} ${zh.ordering.cartons}`);
    expect(shownTotal).toContain(formatYuan(order.totalAmount));
    expect(after.currentOrder!.lines.find((l) => l.productId === typed.productId)).toMatchObject({ demandQty: typedQty, orderedQty: typedQty });
  });

  it('Ctrl+Enter places nothing for a shop whose window is shut', async () => {
    const agent = await web.login('call_agent');
    const list = await web.get<RetailerListResponse>(agent, '/api/retailers?status=active&pageSize=100');
    let shop: RetailerListResponse['items'][number] | undefined;
    for (const r of list.items) {
      const v = await web.get<RetailerOrdering>(agent, `/api/ordering/retailers/${r.id}`);
      if (!v.window?.open && !v.currentOrder) {
        shop = r;
        break;
      }
    }
    const ordersBefore = (await query<{ n: number }>(web.database.db, sql`select count(*)::int as n from orders where retailer_id = ${shop!.id}`))[0].n;
    const page = await as('/take-orders', ['agent', 'agent123']);
    await page.getByTestId('order-search').fill(shop!.customerCode);
    await page.getByTestId('order-search').press('Enter');
    await expect.poll(() => page.getByTestId('order-retailer').innerText()).toContain(shop!.shopName);
    await page.keyboard.press('Alt+s');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain(zh.ordering.windowClosed);
    expect(await page.getByTestId('order-submit').isDisabled()).toBe(true);
    expect((await query<{ n: number }>(web.database.db, sql`select count(*)::int as n from orders where retailer_id = ${shop!.id}`))[0].n).toBe(ordersBefore);
    await page.context().close();
  });
});

describe('first day: a retailer orders on a phone', () => {
  it('sees price, line amounts and totals, and confirms with the totals shown', async () => {
    const retailer = await web.login('retailer');
    const manager = await web.login('county_manager');
    const mine = await web.get<RetailerOrdering>(retailer, '/api/ordering/retailers/' + (await query<{ id: number }>(web.database.db, sql`select retailer_id as id from users where username = 'retailer'`))[0].id);
    // Marketing keeps the shop's window open today (an extension), as the plan screen does.
    const windows = (await web.get<{ items: { weekday: number; orderDate: string }[] }>(manager, `/api/supply-plans/${planId}/windows`)).items;
    const day = windows.find((w) => w.weekday === mine.retailer.orderWeekday)!;
    await web.call(manager, 'PUT', `/api/supply-plans/${planId}/windows/${day.weekday}`, {
      opensAt: new Date(TODAY.getTime() - 3_600_000).toISOString(),
      closesAt: new Date(TODAY.getTime() + 6 * 3_600_000).toISOString(),
      reason: '首日演示延长',
    });

    const page = await openLoggedIn(browser, web.baseUrl, '/my-order', ['retailer', 'retailer123'], { options: PHONE, pageErrors });
    const screen = page.getByTestId('my-order');
    await expect.poll(() => screen.getByTestId('order-window').innerText(), { timeout: 15_000 }).toContain('订货中');
    // The suggestion (it fills products with no demand only), then a plain product added by code and raised to 2.
    if (await page.getByTestId('take-suggested').count()) await page.getByTestId('take-suggested').click();
    const plain = mine.products.find((p) => !p.scarce && !mine.suggested.some((s) => s.productId === p.productId))!;
    await page.locator('input[data-testid="add-product"], [data-testid="add-product"] input').first().fill(plain.code);
    await page.getByRole('button', { name: new RegExp(plain.code) }).click();
    await page.getByTestId(`line-${plain.productId}`).getByRole('button', { name: zh.ordering.more }).click();
    expect(await page.getByTestId(`money-${plain.productId}`).innerText()).toContain(money(plain.price * 2));
    const total = (await page.getByTestId('order-total').innerText()).replace(/\s+/g, ' ');
    expect(total).toMatch(/合计 \d+ 条 ¥[\d,]+\.\d\d/);
    expect(await page.getByTestId(`money-${plain.productId}`).innerText()).toContain(`${zh.ordering.unitPrice} ${money(plain.price)}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, { path: `${SHOTS}/first-day-retailer-lines.png`, fullPage: true });

    // Submitting asks first, with the lines and the same totals.
    await page.getByTestId('my-order-submit').click();
    const confirm = page.getByTestId('order-confirm');
    await confirm.waitFor();
    const amount = total.match(/¥[\d,]+\.\d\d/)![0];
    const cartons = Number(total.match(/合计 (\d+) 条/)![1]);
    expect(await page.getByTestId('order-confirm-totals').innerText()).toBe(zh.ordering.confirmTotals(cartons, amount));
    await shot(page, { path: `${SHOTS}/first-day-retailer-confirm.png` });
    expect(await query(web.database.db, sql`select id from orders where retailer_id = ${mine.retailer.id} and order_date = ${day.orderDate}`)).toEqual([]);
    await clickToClose(page.getByTestId('order-confirm-ok'));
    await expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 15_000 }).toContain(zh.ordering.submitted);

    const [order] = await query<{ totalQty: number; totalAmount: number; channel: string }>(
      web.database.db,
      sql`select total_qty as "totalQty", total_amount::float8 as "totalAmount", channel from orders where retailer_id = ${mine.retailer.id} and order_date = ${day.orderDate}`,
    );
    expect(order).toEqual({ totalQty: cartons, totalAmount: Number(amount.replace(/[¥,]/g, '')), channel: 'self' });
    await page.context().close();
  });
});

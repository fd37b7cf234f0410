// Order day in a real browser: a call-centre agent takes an order with the
// keyboard alone (find the retailer, enter lines, submit), and a retailer
// sees their limits and the reason on a phone-sized screen.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openLoggedIn, PHONE, sessionPages, shot, SHOTS } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import pino from 'pino';
import { createJobRunner } from '../../src/jobs/registry.js';
import { TODAY } from '../support/test-app.js';
import type { RetailerOrdering } from '../../src/shared/ordering.js';
import type { RetailerListResponse } from '../../src/shared/retailer.js';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { computeForecasts } from '../../src/app/forecast/compute-forecasts.js';
import { zh } from '../../src/web/i18n/zh.js';

let web: WebApp;
let browser: Browser;
// One page per account for the file (decision 0855): marketing's later tests move to their screen inside the app.
let as: ReturnType<typeof sessionPages>;
let manager: string;
let agentCookie: string;
let retailerId: number;
const pageErrors: string[] = [];

const call = async (cookie: string, method: string, url: string, body?: unknown) => {
  const res = await web.app.inject({ method: method as 'GET', url, headers: { cookie }, ...(body ? { payload: body as object } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  manager = await web.login('county_manager');
  agentCookie = await web.login('call_agent');
  // This week's plan, allocated and published, every order window open.
  await web.publishOpenPlan(manager);
  // This week's forecast (the job's use-case, few trees): the suggested order and the plan's expected demand.
  const [{ id: orgId }] = await query<{ id: number }>(web.database.db, sql`select id from orgs order by id limit 1`);
  await computeForecasts(web.database.db, orgId, TODAY, { trees: 20 });
  retailerId = (await call(await web.login('retailer'), 'GET', '/api/me')).user.retailerId;
  browser = await launchChromium();
  as = sessionPages(browser, web.baseUrl, { pageErrors });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('order day', () => {
  it('the agent takes an order by keyboard alone', async () => {
    // A retailer with a scarce limit, as the agent would find it.
    const list = (await call(agentCookie, 'GET', '/api/retailers?status=active&pageSize=60')) as RetailerListResponse;
    let target: RetailerListResponse['items'][number] | undefined;
    let view: RetailerOrdering | undefined;
    for (const r of list.items) {
      const v = (await call(agentCookie, 'GET', `/api/ordering/retailers/${r.id}`)) as RetailerOrdering;
      if (r.id !== retailerId && v.products.some((p) => p.scarce && (p.limitQty ?? 0) >= 1) && !v.currentOrder) {
        target = r;
        view = v;
        break;
      }
    }
    expect(target).toBeDefined();
    const scarce = view!.products.find((p) => p.scarce && (p.limitQty ?? 0) >= 1)!;
    const plain = view!.products.find((p) => !p.scarce)!;

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${web.baseUrl}/take-orders`);
    await page.waitForURL(/\/login/);
    await page.locator('#username').focus();
    await page.keyboard.type('agent');
    await page.keyboard.press('Tab');
    await page.keyboard.type('agent123');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/take-orders/);
    // The search box has the focus (once the screen's code has loaded): type the customer code, Enter.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? ''), { timeout: 15_000 }).toBe('order-search');
    await page.keyboard.type(target!.customerCode);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('order-retailer').innerText()).toContain(target!.shopName);
    // The suggested order from this week's forecast is beside the lines, with why on hover.
    expect(await page.getByTestId('suggested-order').innerText()).toContain(zh.suggest.source.forecast);
    // Product by code, Enter, quantity above the limit (demand is kept), Enter.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '')).toBe('product-input');
    await page.keyboard.type(scarce.code);
    await page.keyboard.press('Enter');
    await page.keyboard.type(String(scarce.limitQty! + 2));
    await page.keyboard.press('Enter');
    await page.keyboard.type(plain.code);
    await page.keyboard.press('Enter');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('order-lines').innerText()).toContain(plain.name);
    await shot(page, { path: `${SHOTS}/ordering-agent-lines.png`, fullPage: true });
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('order-result').innerText(), { timeout: 15_000 }).toContain('#');
    await shot(page, { path: `${SHOTS}/ordering-agent-submitted.png`, fullPage: true });

    const after = (await call(agentCookie, 'GET', `/api/ordering/retailers/${target!.id}`)) as RetailerOrdering;
    const line = after.currentOrder!.lines.find((l) => l.productId === scarce.productId)!;
    expect(line).toMatchObject({ demandQty: scarce.limitQty! + 2, availableQty: scarce.limitQty, orderedQty: scarce.limitQty });
    expect(after.currentOrder!.lines.find((l) => l.productId === plain.productId)?.orderedQty).toBe(3);
    await context.close();
  });

  it('marketing staff see the allocation by tier and market', async () => {
    const page = await as('/supply', ['manager', 'manager123']);
    await expect.poll(() => page.getByTestId('quota-chart').count(), { timeout: 15_000 }).toBe(1);
    // Expected demand from the forecast beside each scarce product's supply, and the share of it supply meets.
    expect(await page.locator('[data-testid^="expected-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="met-"]').first().innerText()).toMatch(/\d+%/);
    await shot(page, { path: `${SHOTS}/ordering-supply-plan.png`, fullPage: true });
  });

  it('marketing reads a product\'s forecast against the baselines and overrides a week with a reason', async () => {
    const page = await as('/forecasts', ['manager', 'manager123']);
    await expect.poll(() => page.getByTestId('forecast-chart').count(), { timeout: 30_000 }).toBe(1);
    const week = await page.getByTestId('forecast-weeks').locator('tbody tr.ant-table-row').nth(1).locator('td').first().innerText();
    await page.getByTestId(`override-${week}`).click();
    await page.locator('input[data-testid="override-qty"], [data-testid="override-qty"] input').first().fill('500');
    await page.getByTestId('override-reason').fill('春节前备货');
    await page.getByTestId('override-save').click();
    await expect.poll(() => page.getByTestId(`in-force-${week}`).innerText(), { timeout: 15_000 }).toContain('人工调整');
    expect(await page.getByTestId('forecast-versions').innerText()).toContain('春节前备货');
    await shot(page, { path: `${SHOTS}/ordering-forecast-screen.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('re-running an allocation shows its progress, then the new figures', async () => {
    // Next week's draft is the newest plan, so the screen opens on it.
    await call(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-30' });
    // The runner is stopped so the queued state can be seen (and photographed); a new one takes the job.
    await web.jobs.stop(0);
    const page = await as('/supply', ['manager', 'manager123']);
    await expect.poll(() => page.getByTestId('rerun').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('quota-chart').count()).toBe(0);
    await page.getByTestId('rerun').click();
    await expect.poll(() => page.getByTestId('allocation-progress').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('allocation-progress').innerText()).toContain('排队中');
    await shot(page, { path: `${SHOTS}/ordering-allocation-queued.png`, fullPage: true });
    const runner = createJobRunner(web.database, { log: pino({ level: 'silent' }), now: () => TODAY, pollMs: 200 });
    await runner.start();
    try {
      await expect.poll(() => page.getByTestId('quota-chart').count(), { timeout: 30_000 }).toBe(1);
      expect(await page.getByTestId('allocation-progress').count()).toBe(0);
      await shot(page, { path: `${SHOTS}/ordering-allocation-done.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await runner.stop(0);
      await page.context().close();
    }
  });

  it('a retailer sees their limits and the reason on a phone', async () => {
    // Their last bank deduction failed: the page must say so.
    const me = await call(await web.login('retailer'), 'GET', '/api/me');
    const own = (await call(manager, 'GET', `/api/ordering/retailers/${me.user.retailerId}`)) as RetailerOrdering;
    await call(manager, 'POST', `/api/orders/${own.lastOrders[0].id}/settlement`, { status: 'failed', failureReason: '余额不足' });
    const page = await openLoggedIn(browser, web.baseUrl, '/my-order', ['retailer', 'retailer123'], { options: PHONE, pageErrors });
    await expect.poll(() => page.getByTestId('my-order').innerText(), { timeout: 15_000 }).toContain('您的限量');
    expect(await page.getByTestId('deduction-failed').innerText()).toContain('扣款未成功');
    const reason = await page.getByTestId('limit-reason').first().innerText();
    expect(reason).toMatch(/档/);
    // The suggested order with its why; a demand typed first stays, one tap fills the empty lines.
    const view = (await call(manager, 'GET', `/api/ordering/retailers/${own.retailer.id}`)) as RetailerOrdering;
    const fill = view.suggested.filter((x) => x.qty > 0);
    expect(fill.length).toBeGreaterThan(1);
    expect(fill[0]).toMatchObject({ source: 'forecast', reason: { zh: expect.stringMatching(/^近13周平均 [\d.]+ 条 · .*预计 \d+ 条/) } });
    expect(await page.getByTestId(`suggestion-why-${fill[0].productId}`).innerText()).toBe(fill[0].reason!.zh);
    const typed = view.products.find((p) => p.scarce && fill.some((x) => x.productId === p.productId)) ?? view.products.find((p) => p.scarce)!;
    await page.getByTestId(`line-${typed.productId}`).getByRole('button', { name: zh.ordering.more }).click();
    await page.getByTestId('take-suggested').click();
    for (const x of fill.filter((x) => x.productId !== typed.productId).slice(0, 3))
      expect(await page.getByTestId(`figures-${x.productId}`).innerText()).toMatch(new RegExp(`^${zh.ordering.demand}\\s+${x.qty}\\s`));
    expect(await page.getByTestId(`figures-${typed.productId}`).innerText()).toMatch(new RegExp(`^${zh.ordering.demand}\\s+1\\s`));
    // Fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, { path: `${SHOTS}/ordering-retailer-phone.png`, fullPage: false });
    await shot(page, { path: `${SHOTS}/ordering-retailer-suggested.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

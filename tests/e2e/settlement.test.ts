// Settlement and order-cycle screens in a real browser: marketing retries a
// failed deduction and sees its status change; a grid worker sees the failed
// deductions of their grids on a phone; a station head reads stock-out rate
// and 动销率 of their station's grids, and a grid worker on a phone.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, launchChromium, PHONE, sessionPages, shot, SHOTS } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import { DEMO_ACCOUNTS, type DemoRole } from '../support/test-app.js';
import type { FailedDeductions } from '../../src/shared/settlement.js';
import { zh } from '../../src/web/i18n/zh.js';
import { labelOf } from '../../src/shared/codes.js';

let web: WebApp;
let browser: Browser;
const pageErrors: string[] = [];

// One page per account for the file (decision 0855): the worker's second screen is reached inside the app.
let as: ReturnType<typeof sessionPages>;
const open = (role: DemoRole, path: string, options: BrowserContextOptions): Promise<Page> => as(path, DEMO_ACCOUNTS[role], options);

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  browser = await launchChromium();
  as = sessionPages(browser, web.baseUrl, { pageErrors });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('settlement and stock-out screens', () => {
  it('marketing reads the day, retries a failed deduction and sees it sent to the bank again', async () => {
    const before = await web.get<FailedDeductions>(await web.login('county_manager'), '/api/settlement/failed');
    const target = before.items.find((f) => f.settlementStatus === 'failed')!;
    const page = await open('county_manager', '/settlement', DESKTOP);
    await expect.poll(() => page.getByTestId('settlement-report').innerText(), { timeout: 15_000 }).toContain(labelOf('settlementStatus', 'deducted'));
    await expect.poll(() => page.getByTestId('mismatches').innerText()).toContain(zh.settlement.kinds.deducted_twice);
    const row = page.getByTestId(`failed-${target.orderId}`);
    expect(await row.innerText()).toContain(target.retailer.shopName);
    expect(await row.innerText()).toContain(labelOf('settlementStatus', 'failed'));
    await shot(page, { path: `${SHOTS}/settlement-manager.png`, fullPage: true, animations: 'disabled' });
    await page.getByTestId(`retry-${target.orderId}`).click();
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain(zh.settlement.retrying);
    expect(await page.getByTestId(`retry-${target.orderId}`).isDisabled()).toBe(true);
    await shot(page, { path: `${SHOTS}/settlement-retried.png`, fullPage: true, animations: 'disabled' });
    await page.context().close();
  });

  it("a grid worker is told of their grids' failed deductions on the phone and sees them, without the report", async () => {
    const page = await open('grid_worker', '/dashboard', PHONE);
    await expect.poll(() => page.getByTestId('failed-deductions-notice').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('failed-deductions-notice').getByRole('button').click();
    await page.waitForURL(/\/settlement/);
    await expect.poll(() => page.getByTestId('failed-notice').innerText(), { timeout: 15_000 }).toContain('扣款失败');
    expect(await page.getByTestId('settlement-report').count()).toBe(0);
    expect(await page.locator('[data-testid^="retry-"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await shot(page, { path: `${SHOTS}/settlement-worker-phone.png`, animations: 'disabled' });
  });

  it("a station head reads stock-outs and 动销率 of their station's grids", async () => {
    const page = await open('station_head', '/ordering-stats', DESKTOP);
    await expect.poll(() => page.getByTestId('stockout-chart').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('grid-stats').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('stat-sell-through').innerText()).toMatch(/\d+\.\d%/);
    // Sorting by grid name puts the rows in name order.
    await page.getByTestId('grid-stats').getByRole('columnheader', { name: zh.orderingStats.grid, exact: true }).click();
    const names = await page.getByTestId('grid-stats').locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, { path: `${SHOTS}/ordering-stats-station.png`, fullPage: true, animations: 'disabled' });
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });

  it('a grid worker reads stock-outs and 动销率 on a phone: name and the two rates, nothing wider than the screen', async () => {
    const page = await open('grid_worker', '/ordering-stats', PHONE);
    await expect.poll(() => page.getByTestId('grid-stats').locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, { path: `${SHOTS}/ordering-stats-worker-phone.png`, animations: 'disabled' });
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });
});

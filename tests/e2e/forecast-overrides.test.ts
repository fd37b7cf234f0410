// The forecast screen's overrides in a real browser: marketing withdraws its
// county override and the model's figure is back in force; a grid worker
// adjusts one shop of their grid with a reason, sees their figure move, and
// withdraws it (decision 1814).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchChromium, openLoggedIn, shot, SHOTS } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import { TODAY } from '../support/test-app.js';
import { query } from '../../src/db/client.js';
import { computeForecasts } from '../../src/app/forecast/compute-forecasts.js';

let web: WebApp;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  const [{ id: orgId }] = await query<{ id: number }>(web.database.db, sql`select id from orgs order by id limit 1`);
  await computeForecasts(web.database.db, orgId, TODAY, { trees: 20 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const weekOfRow = async (page: import('playwright-core').Page, n: number) =>
  page.getByTestId('forecast-weeks').locator('tbody tr.ant-table-row').nth(n).locator('td').first().innerText();

describe('forecast overrides', () => {
  it('marketing withdraws its override of a week: the model figure is in force again, the withdrawal kept as a version', async () => {
    const page = await openLoggedIn(browser, web.baseUrl, '/forecasts', ['manager', 'manager123'], { pageErrors });
    await expect.poll(() => page.getByTestId('forecast-chart').count(), { timeout: 30_000 }).toBe(1);
    const week = await weekOfRow(page, 1);
    await page.getByTestId(`override-${week}`).click();
    await page.locator('[data-testid="override-qty"] input, input[data-testid="override-qty"]').first().fill('500');
    await page.getByTestId('override-reason').fill('春节前备货');
    await page.getByTestId('override-save').click();
    await expect.poll(() => page.getByTestId(`in-force-${week}`).innerText(), { timeout: 15_000 }).toContain('人工调整');
    await page.getByTestId(`withdraw-${week}`).click();
    // No reason, no withdrawal.
    expect(await page.getByTestId('withdraw-save').isDisabled()).toBe(true);
    await page.getByTestId('withdraw-reason').fill('备货计划取消');
    await page.getByTestId('withdraw-save').click();
    await expect.poll(() => page.getByTestId(`in-force-${week}`).innerText(), { timeout: 15_000 }).not.toContain('人工调整');
    expect(await page.getByTestId(`withdraw-${week}`).count()).toBe(0);
    const versions = await page.getByTestId('forecast-versions').innerText();
    expect(versions).toContain('已撤回');
    expect(versions).toContain('备货计划取消');
    expect(versions).toContain('春节前备货');
    // The emergency-supply list is on the same screen (rows or its empty text).
    expect(await page.getByTestId('stockout-risks').innerText()).toMatch(/可能断货（应急补货参考）[\s\S]*(缺口|没有预测超过限量)/);
    await shot(page, { path: `${SHOTS}/forecast-withdraw.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a grid worker adjusts one shop of their grid with a reason and sees their figure move, then withdraws it', async () => {
    const page = await openLoggedIn(browser, web.baseUrl, '/forecasts', ['worker1', 'worker123'], { pageErrors });
    await expect.poll(() => page.getByTestId('shop-overrides').locator('tbody tr.ant-table-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const week = await weekOfRow(page, 1);
    const before = Number((await page.getByTestId(`in-force-${week}`).innerText()).split(/\s/)[0]);
    const first = page.getByTestId('shop-overrides').locator('tbody tr.ant-table-row').first();
    const id = ((await first.locator('[data-testid^="shop-override-"]').getAttribute('data-testid')) ?? '').replace('shop-override-', '');
    const model = Number((await page.getByTestId(`shop-in-force-${id}`).innerText()).split(/\s/)[0]);
    await page.getByTestId(`shop-override-${id}`).click();
    await page.locator('[data-testid="shop-override-qty"] input, input[data-testid="shop-override-qty"]').first().fill(String(Math.round(model) + 40));
    expect(await page.getByTestId('shop-override-save').isDisabled()).toBe(true);
    await page.getByTestId('shop-override-reason').fill('周六办婚宴');
    await page.getByTestId('shop-override-save').click();
    await expect.poll(() => page.getByTestId(`shop-in-force-${id}`).innerText(), { timeout: 15_000 }).toContain('单户调整');
    await expect.poll(() => page.getByTestId(`in-force-${week}`).innerText(), { timeout: 15_000 }).toContain('1 户单独调整');
    const after = Number((await page.getByTestId(`in-force-${week}`).innerText()).split(/\s/)[0]);
    expect(after).toBeGreaterThan(before + 30);
    expect(await page.getByTestId('shop-overrides').innerText()).toContain('周六办婚宴');
    await shot(page, { path: `${SHOTS}/forecast-shop-override.png`, fullPage: true });
    await page.getByTestId(`shop-withdraw-${id}`).click();
    await page.getByTestId('shop-override-reason').fill('婚宴改期');
    await page.getByTestId('shop-override-save').click();
    await expect.poll(() => page.getByTestId(`shop-in-force-${id}`).innerText(), { timeout: 15_000 }).toContain('模型');
    await expect.poll(() => page.getByTestId(`in-force-${week}`).innerText(), { timeout: 15_000 }).not.toContain('单独调整');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

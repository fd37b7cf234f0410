// Ratings in a real browser: a retailer opens their rating page and reads why
// their star changed and what to do next; the county manager computes last
// month, checks the distribution and the movers, and publishes it.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, sessionPages, shot, SHOTS, clickToClose } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';


let web: WebApp;
let browser: Browser;
const pageErrors: string[] = [];

// One page per account for the file (decision 0855): the manager's later tests move to their screen inside the app.
let as: ReturnType<typeof sessionPages>;
const loggedIn = (username: string, password: string, path: string): Promise<Page> =>
  as(path, [username, password], { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });

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

describe('ratings', () => {
  it('a retailer sees why their star changed and what it takes to reach the next one', async () => {
    const page = await loggedIn('retailer', 'retailer123', '/my-rating');
    const why = page.getByTestId('rating-why');
    await why.waitFor();
    // The demo shop's compliance class fell from A to C: the headline and the first row say so.
    await expect.poll(() => why.innerText()).toContain('由5星降为4星');
    const firstRow = why.locator('tbody tr.ant-table-row').first();
    await expect.poll(() => firstRow.innerText()).toContain('诚信等级');
    expect(await firstRow.innerText()).toContain('-10');
    const options = page.getByTestId('star-option');
    expect(await options.count()).toBeGreaterThan(1);
    expect(await page.getByTestId('rating-next').innerText()).toMatch(/怎样升到5星？[\s\S]*还差 \d/);
    await shot(page, { path: `${SHOTS}/rating-retailer.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('a county manager computes last month, checks distribution and movers, and publishes it', async () => {
    const page = await loggedIn('manager', 'manager123', '/ratings');
    await page.getByTestId('run-start').click();
    // The run computes in the background; the table shows its progress, then the draft.
    const publish = page.locator('[data-testid^=run-publish-]');
    await publish.first().waitFor({ timeout: 60_000 });
    await page.getByTestId('chart-stars').locator('canvas').waitFor();
    await page.getByTestId('movers').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, { path: `${SHOTS}/rating-manager-draft.png`, fullPage: true });
    const runId = (await publish.first().getAttribute('data-testid'))!.replace('run-publish-', '');
    // The runs list says it counts the whole county, and its start time reads as every date on screen does (China
    // time, 2026-11-24 10:00), not in the browser's locale ('11/24/2026, 10:00:00 AM').
    const runRow = page.getByTestId(`run-status-${runId}`).locator('xpath=ancestor::tr');
    expect(await runRow.innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await runRow.innerText()).not.toMatch(/\d+\/\d+\/\d{4}/);
    expect(await page.locator('.ant-card-head-title', { hasText: '计算记录（全县）' }).count()).toBe(1);
    await publish.first().click();
    await clickToClose(page.locator('.ant-popconfirm .ant-btn-primary'));
    await expect.poll(() => page.getByTestId(`run-status-${runId}`).innerText(), { timeout: 15_000 }).toBe('已发布');
    const cookie = await web.login('county_manager');
    const run = await web.get<{ status: string; month: string }>(cookie, `/api/ratings/runs/${runId}`);
    expect(run).toMatchObject({ status: 'published', month: '2026-10' });
    await shot(page, { path: `${SHOTS}/rating-manager-published.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
  it('a county manager invites a ranked candidate to be a customer representative', async () => {
    const page = await loggedIn('manager', 'manager123', '/ratings');
    await page.getByTestId('tab-reps').click();
    const rows = page.getByTestId('rep-candidates').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await rows.first().getByRole('button').click();
    await expect.poll(() => rows.first().innerText(), { timeout: 15_000 }).toContain('已邀请');
    await shot(page, { path: `${SHOTS}/rating-representatives.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
  it('a county manager records a disaster freeze from the retailer card', async () => {
    const cookie = await web.login('retailer');
    const me = await web.get<{ user: { retailerId: number } }>(cookie, '/api/me');
    const page = await loggedIn('manager', 'manager123', `/retailers/${me.user.retailerId}`);
    await page.getByTestId('section-rating').getByTestId('rating-why').waitFor();
    // The page is the manager's from the tests before: their success messages (3 s) have gone before this one is counted.
    await expect.poll(() => page.locator('.ant-message-success').count(), { timeout: 15_000 }).toBe(0);
    await page.getByTestId('rating-adjust-open').click();
    const drawer = page.getByTestId('rating-adjust');
    await drawer.locator('textarea').first().fill('7月洪水店面被淹，停业两周');
    await drawer.getByRole('button', { name: '冻结该月评分' }).click();
    await page.locator('.ant-message-success, [data-testid=rating-adjust] .ant-alert-error, .ant-form-item-explain-error').first().waitFor();
    // Counted before the screenshot: on a loaded machine a full-page shot can outlast the message's 3 s.
    expect(await page.locator('.ant-message-success').count()).toBe(1);
    await shot(page, { path: `${SHOTS}/rating-adjust.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

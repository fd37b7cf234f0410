// A grid worker's journey through the retailer file in a real browser: log in,
// find a retailer of their grid, open the card, edit the address, see the new
// value and the history row; a retailer of another station stays closed.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Me } from '../../src/shared/auth.js';
import type { Station } from '../../src/shared/org.js';
import type { RetailerListItem, RetailerListResponse } from '../../src/shared/retailer.js';
import { zh } from '../../src/web/i18n/zh.js';
import { launchChromium, shot, showScreen } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';

const SHOTS = 'test-results/e2e';

let web: WebApp;
let browser: Browser;
let page: Page;
let worker: Me;
let target: RetailerListItem;
let foreign: RetailerListItem;
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();

  // Pick the retailers through the API, as the people concerned would see them.
  const workerCookie = await web.login('grid_worker');
  worker = await web.get<Me>(workerCookie, '/api/me');
  const mine = await web.get<RetailerListResponse>(workerCookie, '/api/retailers?status=active&pageSize=50');
  target = mine.items.find((r) => r.address.length < 100) ?? mine.items[0];
  const adminCookie = await web.login('admin');
  const stations = await web.get<Station[]>(adminCookie, '/api/stations');
  const other = stations.find((s) => s.id !== target.stationId && s.retailers > 0)!;
  foreign = (await web.get<RetailerListResponse>(adminCookie, `/api/retailers?stationId=${other.id}&pageSize=1`)).items[0];

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('grid worker and the retailer file', () => {
  it('logs in and lands on their menu', async () => {
    await page.goto(`${web.baseUrl}/retailers`);
    await page.waitForURL(/\/login/);
    await page.locator('#username').fill('worker1');
    await page.locator('#password').fill('worker123');
    // antd spaces out two-character labels (登 录), so the button is found by its type.
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/retailers/);
    await expect.poll(() => page.getByTestId('current-user').innerText()).toContain(worker.user.displayName);
  });

  it('finds a retailer of the grid by customer code', async () => {
    await page.getByPlaceholder(zh.list.searchPlaceholder).fill(target.customerCode);
    await page.waitForURL((u) => u.searchParams.get('q') === target.customerCode);
    const row = page.locator('.ant-table-row', { hasText: target.shopName });
    await row.waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await shot(page, { path: `${SHOTS}/list.png`, fullPage: true });
    await row.click();
  });

  it('opens the card with the retailer at a glance', async () => {
    await page.waitForURL(new RegExp(`/retailers/${target.id}$`));
    await expect.poll(() => page.getByTestId('card-shop-name').innerText()).toBe(target.shopName);
    await expect.poll(() => page.getByTestId('card-customer-code').innerText()).toContain(target.customerCode);
    await expect.poll(() => page.getByTestId('card-address').innerText()).toBe(target.address);
    await page.getByTestId('sales-chart').locator('canvas').first().waitFor();
    await page.getByTestId('county-map').locator('.leaflet-interactive').first().waitFor();
    await shot(page, { path: `${SHOTS}/card.png`, fullPage: true });
  });

  const newAddress = () => `${target.address}（新址）`;

  it('edits the address and sees the new value on the card', async () => {
    await page.getByTestId('edit-retailer').click();
    const address = page.locator('#address');
    await address.waitFor();
    await address.fill(newAddress());
    await page.getByTestId('save-retailer').click();
    await page.getByText(zh.edit.saved).waitFor();
    await expect.poll(() => page.getByTestId('card-address').innerText()).toBe(newAddress());
  });

  it('shows the change in the history: who, the field, old → new', async () => {
    await page.getByTestId('tab-history').click();
    const entry = page.getByTestId('history-entry').first();
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain(worker.user.displayName);
    expect(text).toContain(zh.history.sources.edit);
    expect(text).toContain(zh.fields.address);
    const change = await entry.getByTestId('history-change').first().innerText();
    expect(change).toContain(target.address);
    expect(change).toContain(newAddress());
    expect(change.indexOf(target.address)).toBeLessThan(change.lastIndexOf(newAddress()));
    await shot(page, { path: `${SHOTS}/history.png`, fullPage: true });
  });

  it('cannot open a retailer of another station', async () => {
    expect(foreign.stationId).not.toBe(target.stationId);
    // Inside the app, as a link would open it (decision 0855); the card screen is mounted anew for the other id.
    await showScreen(page, `/retailers/${foreign.id}`, { remount: true });
    const error = page.getByTestId('card-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('记录不存在或不在您的管辖范围');
    expect(await page.getByTestId('card-shop-name').count()).toBe(0);
    await shot(page, { path: `${SHOTS}/not-found.png` });
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

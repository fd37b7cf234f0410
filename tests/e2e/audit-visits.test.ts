// Issue 14 (items 7, 16, 17): a grid worker records a visit on a phone — the
// sheet offers the shop's phone and its file — and the shop's file shows it;
// the administrator finds the visit and the supply plan's publication in the
// audit log by filtering for them.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DayRoute } from '../../src/shared/visits.js';
import { labelOf } from '../../src/shared/codes.js';
import { DESKTOP, goInApp, launchChromium, PHONE, shot, SHOTS } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import { TODAY } from '../support/test-app.js';

let web: WebApp;
let browser: Browser;
let phone: BrowserContext;
let desk: BrowserContext;
let route: DayRoute;
const pageErrors: string[] = [];

async function login(p: Page, path: string, username: string, password: string) {
  await p.goto(`${web.baseUrl}${path}`);
  await p.waitForURL(/\/login/);
  await p.locator('#username').fill(username);
  await p.locator('#password').fill(password);
  await p.locator('form button[type=submit]').click();
  await p.waitForURL(new RegExp(path.replace(/\?.*/, '')));
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  const admin = await web.login('admin');
  const config = await web.get<{ rules: { visitsPerCycle: number }[] }>(admin, '/api/visits/config');
  await web.call(admin, 'PUT', '/api/visits/config', { rules: config.rules.map((r) => ({ ...r, visitsPerCycle: 4 })) });
  await web.publishOpenPlan(await web.login('county_manager'));
  route = await web.dayRoute(await web.login('grid_worker'));
  expect(route.stops.length).toBeGreaterThan(0);
  browser = await launchChromium();
  const first = route.stops[0].retailer;
  phone = await browser.newContext({ ...PHONE, timezoneId: 'Asia/Shanghai', permissions: ['geolocation'], geolocation: { latitude: first.lat + 0.0002, longitude: first.lng, accuracy: 10 } });
  await phone.clock.setFixedTime(new Date(TODAY.getTime() - 5 * 60_000));
  desk = await browser.newContext({ ...DESKTOP, timezoneId: 'America/New_York' });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('a visit from the field to the shop file and the audit log', () => {
  it('the worker calls ahead from the sheet, records the visit, and the shop file shows it', async () => {
    const page = await phone.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await login(page, '/field', 'worker1', 'worker123');
    const first = route.stops[0].retailer;
    await page.getByTestId(`stop-${first.id}`).click();
    const sheet = page.getByTestId('visit-sheet');
    const call = sheet.getByTestId('call-shop');
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d{7,}$/);
    expect(await sheet.getByTestId('open-shop-file').getAttribute('href')).toBe(`/retailers/${first.id}`);
    await sheet.getByTestId('check-in').click();
    await expect.poll(() => sheet.innerText(), { timeout: 20_000 }).toMatch(/已签到，距门店 \d+ 米/);
    const form = sheet.getByTestId('visit-form');
    await form.locator('.ant-rate-star').nth(3).click();
    await form.getByText(labelOf('priceTag', 'complete'), { exact: true }).click();
    await form.getByText('B 良好', { exact: true }).click();
    await form.getByTestId('requests').fill('下周多配两条细支');
    await sheet.getByTestId('submit-visit').click();
    await expect.poll(() => page.getByTestId(`stop-${first.id}`).getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    expect(await page.getByTestId(`stop-${first.id}`).innerText()).toContain(`${route.stops[0].seq}✓`);
    await shot(page, { path: `${SHOTS}/audit-visits-1-field.png` });

    // The shop's file inside the app, as the sheet's link opens it (decision 0855).
    await goInApp(page, `/retailers/${first.id}`);
    const visits = page.getByTestId('section-visits');
    await expect.poll(() => visits.innerText(), { timeout: 20_000 }).toContain('下周多配两条细支');
    expect(await visits.innerText()).toContain('2026-11-24');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await visits.scrollIntoViewIfNeeded();
    await shot(page, { path: `${SHOTS}/audit-visits-2-card.png` });
  });

  it('the administrator finds the visit and the plan publication by filtering the audit log, in one date format', async () => {
    const page = await desk.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await login(page, '/audit?from=2026-11-24&to=2026-11-24', 'admin', 'admin123');
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    // Filter by action in the UI: 提交, then the object 拜访.
    const pick = async (testId: string, label: string) => {
      await page.getByTestId(testId).click();
      await page.keyboard.type(label);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).first().click();
    };
    await pick('audit-action', '提交');
    await expect.poll(() => page.url()).toContain('action=submit');
    await pick('audit-entity', '拜访');
    await expect.poll(() => page.url()).toContain('entity=visit');
    const shop = route.stops[0].retailer.shopName;
    await expect.poll(() => table.innerText(), { timeout: 20_000 }).toContain(`拜访 · ${shop}`);
    const text = await table.innerText();
    expect(text).toContain('2026-11-24 10:'); // China time, whatever the browser's zone
    expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
    await shot(page, { path: `${SHOTS}/audit-visits-3-audit.png` });

    await goInApp(page, '/audit?action=publish&entity=supply_plan');
    await expect.poll(() => table.innerText(), { timeout: 20_000 }).toContain('货源计划 · 2026-11-23 ~ 2026-11-29');
    expect(await table.innerText()).toMatch(/\d+\.\d+\.\d+\.\d+|::1|127\.0\.0\.1/);
    expect(pageErrors).toEqual([]);
  });
});

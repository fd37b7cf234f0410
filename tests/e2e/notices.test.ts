// Notices in a real browser: marketing publishes this week's plan and the
// retailer, on a phone, sees the bell count it, opens the inbox, reads the
// supply notice with its limits and reasons, and the bell counts one less.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, SHOTS, launchChromium, openLoggedIn } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import { DEMO_ACCOUNTS } from '../support/test-app.js';

let web: WebApp;
let browser: Browser;
const pageErrors: string[] = [];
// antd's badge shows nothing for zero.
const badge = (n: number) => (n === 0 ? '' : String(n));

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('notices', () => {
  it('marketing publishes the plan; the retailer reads the supply notice in the inbox on a phone', async () => {
    const retailer = await web.login('retailer');
    const before = (await web.get<{ unread: number }>(retailer, '/api/notices/unread')).unread;
    await web.publishOpenPlan(await web.login('county_manager'));
    // Two new: the supply notice, and the notice that the shop's order window moved (publishOpenPlan opens every window now).
    expect((await web.get<{ unread: number }>(retailer, '/api/notices/unread')).unread).toBe(before + 2);

    const page = await openLoggedIn(browser, web.baseUrl, '/my-file', DEMO_ACCOUNTS.retailer, { options: PHONE, pageErrors });
    await expect.poll(() => page.getByTestId('notice-unread').innerText(), { timeout: 15_000 }).toBe(badge(before + 2));
    await page.getByTestId('notice-bell').click();
    await page.waitForURL(/\/notices/);
    const item = page.getByTestId('notice-supply_notice');
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await item.innerText()).toContain('本周货源供应告知');
    expect(await item.innerText()).toContain('未读');
    await item.click();
    await expect.poll(() => item.innerText(), { timeout: 15_000 }).not.toContain('未读');
    expect(await item.innerText()).toMatch(/档/);
    await expect.poll(() => page.getByTestId('notice-unread').innerText(), { timeout: 15_000 }).toBe(badge(before + 1));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/notices-inbox-phone.png`, fullPage: true, animations: 'disabled' });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

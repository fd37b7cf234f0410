// Notices in a real browser: marketing publishes this week's plan and the
// retailer, on a phone, sees the bell count it, opens the inbox, reads the
// supply notice with its limits and reasons, and the bell counts one less.
// Then marketing edits the nudge's template (live preview, a warning past one
// SMS, a bad placeholder refused), saves version 2, reads the versions, and
// reads the report's SMS cost and opt-outs.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launchChromium, openLoggedIn, PHONE, shot, showScreen, SHOTS, clickToClose } from './browser.js';
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
    await shot(page, { path: `${SHOTS}/notices-inbox-phone.png`, fullPage: true, animations: 'disabled' });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('marketing edits a template with a live preview, saves a version, and reads the SMS cost and opt-outs', async () => {
    const page = await openLoggedIn(browser, web.baseUrl, '/notice-templates', DEMO_ACCOUNTS.county_manager, { options: DESKTOP, pageErrors });
    await page.getByTestId('template-window_nudge').click();
    const body = page.getByTestId('template-preview-body');
    await expect.poll(() => body.innerText(), { timeout: 15_000 }).toContain('您还没有订货');
    expect(await body.innerText()).not.toContain('${');
    // Longer than one SMS: the parts and a warning, counted by the server.
    await page.getByTestId('template-sms').fill('${shopName}，本周订货${closesAt}截止，您尚未订货，请及时下单。如有疑问请联系您的客户经理，或拨打服务热线咨询订货事宜。');
    const figures = page.getByTestId('template-sms-figures');
    await expect.poll(() => figures.innerText(), { timeout: 15_000 }).toContain('计 2 条');
    expect(await figures.getAttribute('class')).toContain('warning');
    await shot(page, { path: `${SHOTS}/notice-template-editor.png`, fullPage: true, animations: 'disabled' });
    // A placeholder without its $ is named, not sent.
    await page.getByTestId('template-body').fill('{shopName}：本周订货即将截止。');
    await expect.poll(() => page.getByTestId('template-preview-error').innerText(), { timeout: 15_000 }).toContain('占位符');
    await page.getByTestId('template-body').fill('${shopName}：本周订货将于 ${closesAt} 截止，您还没有订货，请尽快下单。');
    await page.getByTestId('template-sms').fill('${shopName}，本周订货${closesAt}截止，请尽快下单。');
    // Choosing another template with the edits unsaved asks first; keeping them leaves the editor as it was.
    await page.getByTestId('template-supply_notice').click();
    const ask = page.locator('.ant-modal-confirm');
    await expect.poll(() => ask.innerText(), { timeout: 15_000 }).toContain('放弃未保存的修改');
    await shot(page, { path: `${SHOTS}/notice-template-unsaved.png`, animations: 'disabled' });
    await clickToClose(ask.getByRole('button', { name: '继续编辑' }));
    await expect.poll(() => ask.count(), { timeout: 15_000 }).toBe(0);
    expect(await page.getByTestId('template-sms').inputValue()).toBe('${shopName}，本周订货${closesAt}截止，请尽快下单。');
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-window_nudge').innerText(), { timeout: 15_000 }).toContain('第 2 版');
    await page.getByTestId('template-history').click();
    await expect.poll(() => page.getByTestId('template-version-1').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('template-version-2').innerText()).toContain('请尽快下单');
    await shot(page, { path: `${SHOTS}/notice-template-versions.png`, animations: 'disabled' });

    // The report: plant what a gateway would have answered for the window notices, and a few opt-outs.
    const db = web.database.db;
    await db.execute(sql`update notice_deliveries set channel = 'sms', segments = 1 + (id % 2)::int,
      state = case when id % 9 = 0 then 'failed' when id % 4 = 0 then 'sent' else 'delivered' end, sent_at = queued_at, delivered_at = case when id % 4 <> 0 then queued_at end`);
    await db.execute(sql`insert into notice_preferences (org_id, retailer_id, sms_opt_out, muted_templates, updated_at)
      select org_id, id, id % 2 = 0, array['greeting'], now() from retailers where status = 'active' order by id limit 6 on conflict do nothing`);
    // Inside the app, as its links and menu move (decision 0855): no second load of the app.
    await showScreen(page, '/notice-report');
    await expect.poll(() => page.getByTestId('report-cost').innerText(), { timeout: 15_000 }).toMatch(/¥\d/);
    expect(await page.getByTestId('report-sms-off').innerText()).toContain('3');
    await expect.poll(() => page.getByTestId('report-chart').locator('canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('report-table').innerText()).toContain('订货时间调整');
    await shot(page, { path: `${SHOTS}/notice-report.png`, fullPage: true, animations: 'disabled' });
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('notice-report').innerText(), { timeout: 15_000 }).toContain('Estimated SMS cost');
    await shot(page, { path: `${SHOTS}/notice-report-en.png`, animations: 'disabled' });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

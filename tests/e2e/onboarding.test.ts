// A new licensee from licence to first order (issue 15 item 8), in Chromium:
// the monopoly side records the licence and marketing is notified; the grid's
// client manager completes their step on the phone; marketing imports the
// file the client manager collected, enters the customer with its order day
// and opens the shop's ordering login (its licence number, an initial
// password shown once); logistics sets the route and card; the retailer logs
// in on their phone with that password, is asked first for a password of
// their own, and places their first order, which the onboarding shows as its
// "first order" milestone.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { DESKTOP, launchChromium, openLoggedIn, PHONE, shot, SHOTS, clickToClose, checkSurely, pickOption } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import { DEMO_ACCOUNTS } from '../support/test-app.js';
import { csvFile, fileTable, makeRetailerRows } from '../support/retailer-factory.js';
import { query } from '../../src/db/client.js';
import { labelOf } from '../../src/shared/codes.js';
import { zh } from '../../src/web/i18n/zh.js';
import type { OnboardingItem } from '../../src/shared/onboarding.js';
import type { RetailerOrdering } from '../../src/shared/ordering.js';

let web: WebApp;
let browser: Browser;
let manager: string;
let licenceNo: string;
let grid: { id: number; name: string; code: string };
let csv: string;
const shopName = '枫林路新开便利店';
const pageErrors: string[] = [];
const files = fs.mkdtempSync('/tmp/zy-onboarding-');

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  browser = await launchChromium();
  manager = await web.login('county_manager');
  // This week's plan published with its order windows open, as on an ordinary Tuesday.
  await web.publishOpenPlan(manager);
  const org = await web.get<{ adcode: string }>(manager, '/api/org');
  [grid] = await query<{ id: number; name: string; code: string }>(
    web.database.db,
    sql`select g.id, g.name, g.code from grids g join users u on u.org_id = g.org_id and u.id = g.worker_id where u.username = 'worker1' order by g.id limit 1`,
  );
  const [pos] = await query<{ lat: number; lng: number }>(web.database.db, sql`select lat, lng from retailers where grid_id = ${grid.id} order by id limit 1`);
  licenceNo = `${org.adcode}990001`;
  // The file the client manager collected, as the import screen takes it.
  const [row] = makeRetailerRows(1, { adcode: org.adcode, gridCodes: [grid.code], positions: [pos], taken: new Set() }, 990_000);
  Object.assign(row, { 许可证号: licenceNo, 店铺名称: shopName, 网格编码: grid.code, 客户编码: '889900000001', 订货日: '周一' });
  csv = path.join(files, '新办户档案.csv');
  fs.writeFileSync(csv, csvFile(fileTable([row])));
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  fs.rmSync(files, { recursive: true, force: true });
});

const card = (page: Page) => page.getByTestId('onboarding-card').filter({ hasText: licenceNo });

/** Completes the open step `step` of our card from its modal, `fill` filling the form. */
async function complete(page: Page, step: string, fill: () => Promise<void>) {
  await card(page).getByTestId(`complete-${step}`).click();
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('step-form') });
  await modal.waitFor();
  await fill();
  await clickToClose(modal.locator('.ant-modal-footer .ant-btn-primary'));
  await modal.waitFor({ state: 'detached' });
}

describe('a new licensee from licence to first order', () => {
  it('runs the chain through the screens and the retailer orders on their phone with the login marketing opened', async () => {
    const started = Date.now();
    // The monopoly side (the county acts for it) records the licence; marketing is notified.
    const desk = await openLoggedIn(browser, web.baseUrl, '/onboarding', DEMO_ACCOUNTS.county_manager, { options: DESKTOP, pageErrors });
    await desk.getByTestId('record-licence').click();
    await desk.locator('#licenceNo').fill(licenceNo);
    await desk.locator('#shopName').fill(shopName);
    await desk.locator('#address').fill('枫林路 66 号');
    // Picked until the field shows it: on a loaded machine the option's click sometimes did not take (seen twice).
    await pickOption(desk, {
      open: () => desk.locator('#gridId').fill(grid.name),
      option: grid.name,
      shown: desk.locator('.ant-modal .ant-select'),
    });
    // On a loaded machine the grid's list can stay open over the footer: a click on the title closes it.
    await desk.locator('.ant-modal-title').click();
    await desk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    // The modal's OK right after the list closed did not take once on a loaded machine (the card never came).
    await clickToClose(desk.locator('.ant-modal-footer .ant-btn-primary'));
    await card(desk).waitFor({ timeout: 15_000 });
    await complete(desk, 'marketing_notified', async () => {});

    // The grid's client manager, on the phone: e-settlement, file, photos, the proposed class and tier with the reason.
    const worker = await openLoggedIn(browser, web.baseUrl, '/onboarding', DEMO_ACCOUNTS.grid_worker, { options: PHONE, pageErrors });
    await card(worker).getByTestId('complete-client_manager_setup').waitFor({ timeout: 15_000 });
    await complete(worker, 'client_manager_setup', async () => {
      for (const k of ['eSettlementOpened', 'fileCollected', 'shopPhotographed']) await checkSurely(worker.locator(`#${k}`));
      await worker.locator('#proposedClass').fill('CZ1');
      await worker.locator('#proposedTier').fill('6');
      await worker.locator('#reason').fill('社区新店，面积约 30 平方米，周边同类店 5–7 档');
      await shot(worker, { path: `${SHOTS}/onboarding-1-client-manager-phone.png` });
    });
    await worker.context().close();

    // Marketing's step before the file exists says where to get it (the list refreshed by switching tabs).
    await desk.getByRole('tab', { name: zh.onboarding.finished }).click();
    await desk.getByRole('tab', { name: new RegExp(`^${zh.onboarding.open}`) }).click();
    await card(desk).getByTestId('complete-customer_entered').click();
    await desk.getByTestId('no-retailer-file').waitFor({ timeout: 15_000 });
    expect(await desk.getByTestId('no-retailer-file').innerText()).toContain(zh.onboarding.noFile(licenceNo));
    await shot(desk, { path: `${SHOTS}/onboarding-2a-no-file-yet.png` });
    await clickToClose(desk.locator('.ant-modal-footer .ant-btn').first());
    // Marketing imports the file the client manager collected, then finds it by its licence in its step (in-app navigation, no reloads).
    await desk.getByRole('menuitem', { name: zh.shell.menu.import }).click();
    await desk.locator('input[type=file]').setInputFiles(csv);
    await expect.poll(() => desk.getByTestId('import-success').innerText(), { timeout: 20_000 }).toContain(zh.importPage.success(1, 0, 1));
    await desk.getByRole('menuitem', { name: zh.shell.menu.onboarding }).click();
    await card(desk).getByTestId('complete-customer_entered').waitFor({ timeout: 15_000 });
    await complete(desk, 'customer_entered', async () => {
      await expect.poll(() => desk.getByTestId('step-form').innerText(), { timeout: 15_000 }).toContain(`${shopName} · 889900000001`);
      // Picked until the select shows it: a click landing while the list still opens is lost (seen once on the server engine).
      const tuesday = labelOf('weekday', 2, 'zh');
      await pickOption(desk, {
        // The list may still be open from a try whose click was lost: a click on the field would close it.
        open: async () => {
          if ((await desk.locator('.ant-select-dropdown:visible').count()) === 0) await desk.locator('#orderWeekday').click();
        },
        option: tuesday,
        shown: desk.getByTestId('step-form').locator('.ant-form-item').filter({ hasText: zh.onboarding.orderWeekday }),
      });
      // A click on the title closes the list if it is still open (harmless otherwise), for the screenshot.
      await desk.locator('.ant-modal-title').filter({ hasText: zh.onboarding.steps.customer_entered }).click();
      expect(await desk.locator('#openAccount').isChecked()).toBe(true);
      await shot(desk, { path: `${SHOTS}/onboarding-2-enter-customer.png` });
    });
    const opened = desk.locator('.ant-modal').filter({ hasText: zh.onboarding.accountTitle });
    await opened.getByTestId('account-password').waitFor();
    const username = (await opened.getByTestId('account-username').textContent())!.trim();
    const password = (await opened.getByTestId('account-password').textContent())!.trim();
    expect(username).toBe(licenceNo);
    expect(password).toMatch(/^[a-z2-9]{10}$/);
    await shot(desk, { path: `${SHOTS}/onboarding-3-account-opened.png` });
    await clickToClose(opened.locator('.ant-btn-primary'));
    // Logistics (the county acts for it): the route and the delivery confirmation card.
    await complete(desk, 'delivery_ready', async () => {
      await desk.locator('#deliveryRoute').fill('城区 5 号线');
      await desk.locator('#confirmationCardNo').fill('DK-2026-0990');
    });

    // The retailer, on their phone, logs in with the licence number and the password they were told, and orders.
    const [{ retailerId, orderWeekday }] = await query<{ retailerId: number; orderWeekday: number }>(
      web.database.db,
      sql`select id as "retailerId", order_weekday as "orderWeekday" from retailers where licence_no = ${licenceNo}`,
    );
    expect(orderWeekday).toBe(2);
    const view = (await web.call(manager, 'GET', `/api/ordering/retailers/${retailerId}`)) as RetailerOrdering;
    const product = view.products.find((p) => !p.scarce)!;
    // The initial password is someone else's: the first screen asks for their own, then the order page they asked for.
    const shop = await (await browser.newContext(PHONE)).newPage();
    shop.on('pageerror', (e) => pageErrors.push(e.message));
    await shop.goto(`${web.baseUrl}/my-order`);
    await shop.locator('#username').fill(username);
    await shop.locator('#password').fill(password);
    await shop.locator('form button[type=submit]').click();
    await shop.getByTestId('must-change-password').waitFor();
    expect(shop.url()).toContain('/password?next=%2Fmy-order');
    expect(await shop.getByTestId('bottom-nav').count()).toBe(0);
    await shop.locator('#currentPassword').fill(password);
    await shop.locator('#newPassword').fill('fenglin-66-shop');
    await shop.locator('#confirmPassword').fill('fenglin-66-shop');
    await shot(shop, { path: `${SHOTS}/onboarding-4a-change-initial-password-phone.png` });
    await shop.getByTestId('password-submit').click();
    await shop.waitForURL(/\/my-order$/);
    await shop.getByTestId('add-product').fill(product.name);
    await shop.getByRole('button', { name: product.name }).first().click();
    await shop.getByTestId(`line-${product.productId}`).waitFor();
    await shop.getByTestId('my-order-submit').click();
    await clickToClose(shop.getByTestId('order-confirm-ok'));
    await expect.poll(() => shop.getByTestId('my-order').innerText(), { timeout: 15_000 }).toContain(zh.ordering.currentOrder);
    await shot(shop, { path: `${SHOTS}/onboarding-4-first-order-phone.png` });
    // Later changes go through the menu under the shop's name.
    await shop.getByTestId('current-user').click();
    await clickToClose(shop.getByRole('menuitem', { name: zh.account.changePassword }));
    await shop.getByTestId('password-form').waitFor();
    expect(shop.url()).toContain('/password?next=%2Fmy-order');

    // The chain is finished, with its first order on the day.
    await desk.getByRole('tab', { name: zh.onboarding.finished }).click();
    await expect.poll(() => card(desk).innerText(), { timeout: 15_000 }).toContain(`${zh.onboarding.firstOrder} 2026-11-24`);
    await shot(desk, { path: `${SHOTS}/onboarding-5-finished.png` });
    const finished = (await web.get<{ items: OnboardingItem[] }>(manager, '/api/onboardings?status=finished')).items.find((o) => o.licenceNo === licenceNo)!;
    expect(finished).toMatchObject({ retailerId, firstOrderOn: '2026-11-24' });
    expect(finished.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done']);
    // Nobody can read the password back: only its hash is stored, and the audit names the login, not the password.
    const [audit] = await query<{ detail: string }>(web.database.db, sql`select detail::text from audit_log where entity = 'onboarding' and detail->>'account' = ${licenceNo}`);
    expect(audit.detail).not.toContain(password);
    expect(pageErrors).toEqual([]);
    console.info(`onboarding journey: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});

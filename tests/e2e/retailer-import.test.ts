// Importing a CSV that Excel on Chinese Windows saved (GBK/GB18030) on the
// import screen: it imports with the shop names as written; a file with a bad
// row is refused with the row, column and reason in Chinese, on a desktop and
// on a phone.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchChromium, openLoggedIn, PHONE, shot, SHOTS } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';
import { DEMO_ACCOUNTS } from '../support/test-app.js';
import { encodeGb18030 } from '../support/gb18030.js';
import { csvFile, fileTable, makeRetailerRows, type CountyContext } from '../support/retailer-factory.js';
import { zh } from '../../src/web/i18n/zh.js';

let web: WebApp;
let browser: Browser;
let ctx: CountyContext;
const pageErrors: string[] = [];
const files = fs.mkdtempSync('/tmp/zy-import-');

const gbkCsv = (name: string, table: string[][]) => {
  const file = path.join(files, name);
  fs.writeFileSync(file, encodeGb18030(csvFile(table).toString('utf8').slice(1)));
  return file;
};

async function upload(page: Page, file: string) {
  await page.locator('input[type=file]').setInputFiles(file);
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  browser = await launchChromium();
  const cookie = await web.login('county_manager');
  const org = await web.get<{ adcode: string }>(cookie, '/api/org');
  const grids = await web.get<{ code: string }[]>(cookie, '/api/grids');
  const list = await web.get<{ items: { id: number; customerCode: string; licenceNo: string }[] }>(cookie, '/api/retailers?pageSize=20');
  const positions = await Promise.all(list.items.map((r) => web.get<{ lat: number; lng: number }>(cookie, `/api/retailers/${r.id}`)));
  ctx = { adcode: org.adcode, gridCodes: grids.map((g) => g.code), positions, taken: new Set(list.items.flatMap((r) => [r.customerCode, r.licenceNo])) };
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  fs.rmSync(files, { recursive: true, force: true });
});

describe('import screen with a GBK CSV', () => {
  it('imports the shops with their Chinese names, and refuses a bad row naming it in Chinese', async () => {
    const page = await openLoggedIn(browser, web.baseUrl, '/import', DEMO_ACCOUNTS.county_manager, { options: DESKTOP, pageErrors });
    await expect.poll(() => page.locator('.ant-upload-hint').innerText()).toContain('GBK');

    const rows = makeRetailerRows(3, ctx, 500_000);
    rows[0].店铺名称 = '𠮷祥超市（来龙门店）';
    await upload(page, gbkCsv('零售户-GBK.csv', fileTable(rows)));
    await expect.poll(() => page.getByTestId('import-success').innerText(), { timeout: 20_000 }).toContain(zh.importPage.success(3, 0, 3));
    const hits = await web.get<{ items: { shopName: string }[] }>(await web.login('county_manager'), `/api/retailers?q=${encodeURIComponent('𠮷祥超市')}`);
    expect(hits.items.map((h) => h.shopName)).toContain('𠮷祥超市（来龙门店）');

    const more = makeRetailerRows(3, ctx, 600_000);
    const bad = [more[0], { ...more[1], 业态: '小卖部' }, { ...more[2], 联系电话: '1234567' }];
    await upload(page, gbkCsv('零售户-有错.csv', fileTable(bad)));
    const rejected = page.getByTestId('import-rejected');
    await expect.poll(() => rejected.innerText(), { timeout: 20_000 }).toContain('小卖部');
    const text = await rejected.innerText();
    expect(text).toContain(zh.importPage.rejectedTitle);
    expect(text).toContain('业态');
    expect(text).toContain('取值无效');
    expect(text).toContain('联系电话');
    await shot(page, { path: `${SHOTS}/import-gbk-rejected-desktop.png`, fullPage: true });

    const phone = await openLoggedIn(browser, web.baseUrl, '/import', DEMO_ACCOUNTS.county_manager, { options: PHONE, pageErrors });
    await upload(phone, gbkCsv('零售户-有错-手机.csv', fileTable(bad)));
    await expect.poll(() => phone.getByTestId('import-rejected').innerText(), { timeout: 20_000 }).toContain('小卖部');
    await phone.waitForTimeout(400);
    // The reason is on screen beside the row and column, not scrolled off to the right.
    const reason = await phone.getByTestId('import-rejected').getByText(/^取值无效/).boundingBox();
    expect(reason!.x + reason!.width).toBeLessThanOrEqual(390);
    await shot(phone, { path: `${SHOTS}/import-gbk-rejected-phone.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

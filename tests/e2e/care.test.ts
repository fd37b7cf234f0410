// Care in a real browser (issue 16): the county manager draws a disaster area
// on the map and sees the shops inside it, declares it; a grid worker on a
// phone (390×844) ticks the contact checklist for one of them; the recovery
// curve shows. Screenshots are saved under test-results/e2e.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { query } from '../../src/db/client.js';
import { zh } from '../../src/web/i18n/zh.js';
import { launchChromium, openLoggedIn, PHONE, shot, showScreen, SHOTS } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';


const WAIT = { timeout: 20_000, interval: 200 };

let web: WebApp;
let browser: Browser;
let page: Page;
let anchor: { id: number; lat: number; lng: number; shopName: string };
let disasterId: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await startWebApp();
  [anchor] = await query<typeof anchor>(
    web.database.db,
    sql`select r.id, r.lat, r.lng, r.shop_name as "shopName" from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id
      where u.username = 'worker1' and r.status = 'active' order by r.id limit 1`,
  );
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

async function pixelOf(lat: number, lng: number, zoom?: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([lat, lng, zoom]) => {
      const el = document.querySelector('[data-testid=disaster-map]') as HTMLElement & { zyMap: import('leaflet').Map };
      if (zoom) el.zyMap.setView([lat, lng], zoom, { animate: false });
      const p = el.zyMap.latLngToContainerPoint([lat, lng]);
      const box = el.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    [lat, lng, zoom ?? 0] as const,
  );
}

describe('a disaster on the map', () => {
  it('the county manager draws the area and sees the shops inside it', async () => {
    page = await openLoggedIn(browser, web.baseUrl, '/care-disasters', ['manager', 'manager123'], { pageErrors });
    await page.getByTestId('disaster-new').click();
    await page.getByTestId('disaster-name').fill('10·05 暴雨');
    const date = page.locator('.ant-picker input').first();
    await date.click();
    await date.fill('2026-10-05');
    await date.press('Enter');
    await expect.poll(() => page.getByTestId('draw-bar').isVisible(), WAIT).toBe(true);
    await page.getByTestId('disaster-map').scrollIntoViewIfNeeded();
    // The map may still be settling when the first clicks land: click the corners again until the finish button enables.
    for (let attempt = 0; attempt < 4 && !(await page.getByTestId('draw-finish').isEnabled()); attempt++) {
      if (attempt > 0) await page.waitForTimeout(1000);
      const c = await pixelOf(anchor.lat, anchor.lng, 14);
      for (const [dx, dy] of [[-70, -60], [80, -50], [60, 70], [-60, 60]]) await page.mouse.click(c.x + dx, c.y + dy);
    }
    await page.getByTestId('draw-finish').click();
    await expect.poll(() => page.getByTestId('disaster-preview').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('disaster-preview').innerText()).toContain(anchor.shopName);
    expect(await page.getByTestId('disaster-preview-count').innerText()).toMatch(/受灾零售户 \d+ 户/);
    await shot(page, { path: `${SHOTS}/care-disaster-draw.png`, fullPage: true });
    await page.getByTestId('disaster-create').click();
    await page.waitForURL(/\/care-disasters\/\d+$/);
    disasterId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByTestId('disaster-title').innerText(), WAIT).toBe('10·05 暴雨');
    await expect.poll(() => page.getByTestId(`contact-${anchor.id}`).isVisible(), WAIT).toBe(true);
  });

  it('a grid worker ticks the contact checklist on the phone', async () => {
    const phone = await openLoggedIn(browser, web.baseUrl, `/care-disasters/${disasterId}`, ['worker1', 'worker123'], { options: PHONE, pageErrors });
    const card = phone.getByTestId(`contact-${anchor.id}`);
    await expect.poll(() => card.isVisible(), WAIT).toBe(true);
    await card.getByTestId('contact-reached').click();
    await card.getByTestId('contact-safe').click();
    await card.getByTestId('contact-damaged').click();
    await card.locator('input[data-testid=contact-losses], [data-testid=contact-losses] input').first().fill('2800');
    await card.getByTestId('contact-save').click();
    await expect.poll(() => card.innerText(), WAIT).toContain(zh.care.reached);
    await expect.poll(async () => (await phone.locator('.ant-tag').filter({ hasText: zh.care.reached }).count()) > 0, WAIT).toBe(true);
    await card.scrollIntoViewIfNeeded();
    await shot(phone, { path: `${SHOTS}/care-checklist-phone.png` });
    const detail = await web.get<{ shops: { retailerId: number; reached: boolean; safe: boolean; damaged: boolean; lossesYuan: number }[] }>(await web.login('grid_worker'), `/api/care/disasters/${disasterId}`);
    expect(detail.shops.find((s) => s.retailerId === anchor.id)).toMatchObject({ reached: true, safe: true, damaged: true, lossesYuan: 2800 });
    // The worker's own care tasks: the contact is done.
    // Inside the app, as its links and menu move (decision 0855): no second load of the app.
    await showScreen(phone, '/care');
    await expect.poll(() => phone.locator('body').innerText(), WAIT).toContain(zh.care.tabTasks);
    await expect.poll(() => phone.locator('.ant-spin-spinning').count(), WAIT).toBe(0);
    await shot(phone, { path: `${SHOTS}/care-tasks-phone.png` });
    // The register (audited on the server) and the activities tab.
    await phone.getByRole('tab', { name: zh.care.tabRegister }).click();
    await expect.poll(() => phone.locator('body').innerText(), WAIT).toContain(zh.care.registerHint);
    await shot(phone, { path: `${SHOTS}/care-register-phone.png` });
    await phone.getByRole('tab', { name: zh.care.tabActivities }).click();
    await expect.poll(() => phone.getByTestId('care-activity').count(), WAIT).toBeGreaterThan(0);
    await shot(phone, { path: `${SHOTS}/care-activities-phone.png` });
    // The form's photo is taken with its button: the browser's own "choose file" box is not shown beside it.
    await phone.getByRole('button', { name: zh.care.addActivity }).click();
    await expect.poll(() => phone.getByRole('button', { name: zh.care.photoPick }).isVisible(), WAIT).toBe(true);
    expect(await phone.getByTestId('care-photo-input').isVisible()).toBe(false);
  });

  it('the recovery curve shows', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('recovery-chart').isVisible(), WAIT).toBe(true);
    expect(Number(await page.getByTestId('recovery-chart').getAttribute('data-weeks'))).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.getByTestId('recovery-echart').locator('canvas').count(), WAIT).toBeGreaterThan(0);
    await page.getByTestId('recovery-card').scrollIntoViewIfNeeded();
    await shot(page, { path: `${SHOTS}/care-recovery.png` });
    expect(pageErrors).toEqual([]);
  });
});
